import {
  createCookie,
  data,
  redirect,
  type ActionFunctionArgs,
  type AppLoadContext,
} from '@remix-run/node'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import {
  findFollowUpBySession,
  findFollowUpSchoolPostcodes,
  findInvitationByTokenHash,
  markFollowUpSubmitted,
  redeemInvitationLink,
  saveFollowUpAnswers,
} from '../../db/repositories/follow-ups'
import type { Json } from '../../db/types'
import { readSectionForm } from '../submissions/form-input'
import { scanAnswers, type PersonalDataFinding } from '../submissions/personal-data'
import { hashToken, newToken } from '../submissions/respondent-session.server'
import { problemPage } from '../submissions/response-access.server'
import { validateCsrf } from '../utils/csrf.server'
import { fieldErrorsOf, markFormErrors } from '../utils/form-errors'
import { formatLondonDate } from '../utils/london-time'
import {
  followUpFreeText,
  followUpPages,
  incompletePages,
  nextPage,
  pageSchemas,
  readFollowUpAnswers,
  type FollowUpAnswers,
  type FollowUpPageKey,
} from './pages'

// The follow-up journey for a school: no account. The emailed link is used once, to open a
// session in this browser (its cookie holds a random token; only its hash is stored), which
// lasts until the link's 60 days are up.

function followUpCookie(context: AppLoadContext) {
  return createCookie('iip_follow_up', {
    httpOnly: true,
    sameSite: 'lax',
    secure: context.services.env.NODE_ENV === 'production',
    path: '/follow-up',
  })
}

const validToken = (token: string) => /^[A-Za-z0-9_-]{20,100}$/.test(token)

/** What the link's page shows before it is used: the case study it asks about, or why it cannot. */
export async function findInvitation(context: AppLoadContext, token: string) {
  if (!validToken(token)) return null
  return (await findInvitationByTokenHash(context.services.db, hashToken(token))) ?? null
}

const supportLine = (context: AppLoadContext) =>
  `If you need a new link, email ${context.services.env.SUPPORT_EMAIL} and tell us the title of your case study.`

/** The page for a link that cannot be used (never saying more than the person could know). */
export function linkProblemPage(
  context: AppLoadContext,
  invitation: Awaited<ReturnType<typeof findInvitation>>,
): never {
  const now = context.services.clock.now()
  if (invitation && invitation.status !== 'invited')
    problemPage(410, 'You have already told us how it is going', [
      'Thank you: your answers were sent and a moderator will read them.',
    ])
  if (invitation && new Date(invitation.expires_at) <= now)
    problemPage(410, 'This link has expired', [
      `Follow-up links work for 60 days. This one stopped working on ${formatLondonDate(new Date(invitation.expires_at))}.`,
      supportLine(context),
    ])
  if (invitation?.link_used_at)
    problemPage(410, 'This link has already been used', [
      'Each link works once. If you started answering in this browser, carry on from the page you were on.',
      supportLine(context),
    ])
  problemPage(404, 'This link is not valid', [
    'Check that you copied the whole link from the email.',
    supportLine(context),
  ])
}

/** Uses the link (once) and returns the cookie of the session it opens. */
export async function openFollowUpLink(context: AppLoadContext, token: string) {
  const now = context.services.clock.now()
  const invitation = await findInvitation(context, token)
  const session = newToken()
  const id =
    invitation &&
    (await redeemInvitationLink(context.services.db, {
      tokenHash: hashToken(token),
      sessionHash: hashToken(session),
      now,
    }))
  if (!invitation || !id) linkProblemPage(context, invitation)
  return followUpCookie(context).serialize(session, { expires: new Date(invitation.expires_at) })
}

export type FollowUp = NonNullable<Awaited<ReturnType<typeof findFollowUpBySession>>>

/**
 * The follow-up this browser's session opens. With no session the person is told to use the
 * link in their email; once it is sent, the pages go to the confirmation; after 60 days, closed.
 */
export async function requireFollowUp(
  request: Request,
  context: AppLoadContext,
  options: { sent?: boolean } = {},
): Promise<{ followUp: FollowUp; answers: FollowUpAnswers }> {
  const value: unknown = await followUpCookie(context).parse(request.headers.get('Cookie'))
  const followUp =
    typeof value === 'string' && validToken(value)
      ? await findFollowUpBySession(context.services.db, hashToken(value))
      : undefined
  if (!followUp)
    problemPage(403, 'Use the link in your email', [
      'To tell us how your practice is going, open the link in the email we sent you, in this browser.',
      supportLine(context),
    ])
  const sent = followUp.status !== 'invited'
  if (options.sent) {
    if (!sent) throw redirect('/follow-up/check')
  } else {
    if (sent) throw redirect('/follow-up/confirmation')
    if (new Date(followUp.expires_at) <= context.services.clock.now())
      problemPage(410, 'This follow-up has closed', [
        `Answers could be sent until ${formatLondonDate(new Date(followUp.expires_at))}.`,
        supportLine(context),
      ])
  }
  return { followUp, answers: readFollowUpAnswers(followUp.answers) }
}

/** The scan every save and the sending run: the response's scanner, the schools' postcodes allowed. */
async function scan(context: AppLoadContext, followUp: FollowUp, answers: FollowUpAnswers) {
  const postcodes = await findFollowUpSchoolPostcodes(context.services.db, followUp.case_study_id)
  return scanAnswers(followUpFreeText(answers), { allowedPostcodes: postcodes })
}

/**
 * A question page's POST. What was typed is always saved, valid or not, and scanned; the page
 * counts as complete only when it passes its schema. Then on to the next page (or back to check
 * answers), or this page again with its errors.
 */
export async function handleFollowUpPage(
  { request, context }: ActionFunctionArgs,
  key: FollowUpPageKey,
) {
  const { followUp, answers } = await requireFollowUp(request, context)
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const page = followUpPages.find((p) => p.key === key)!
  const values = readSectionForm(formData, { text: page.fields }) as Record<string, string>
  const parsed = pageSchemas[key].safeParse(values)
  const completed = new Set(answers.completed ?? [])
  if (parsed.success) completed.add(key)
  else completed.delete(key)
  const saved: FollowUpAnswers = { ...answers, [key]: values, completed: [...completed] }
  const findings = await scan(context, followUp, saved)
  await saveFollowUpAnswers(context.services.db, {
    id: followUp.id,
    answers: saved as unknown as Json,
    findings: findings as unknown as Json,
    flagged: findings.length > 0,
  })
  if (parsed.success) {
    const fromCheck = formData.get('returnTo') === 'check'
    throw redirect(`/follow-up/${fromCheck ? 'check' : nextPage(key)}`)
  }
  markFormErrors(context)
  return data({ errors: fieldErrorsOf(parsed.error), values }, { status: 400 })
}

/** What check answers shows: pages still to do, and anything that may identify a child. */
export async function checkFollowUp(
  context: AppLoadContext,
  followUp: FollowUp,
  answers: FollowUpAnswers,
): Promise<{ incomplete: FollowUpPageKey[]; findings: PersonalDataFinding[] }> {
  return { incomplete: incompletePages(answers), findings: await scan(context, followUp, answers) }
}

/** Sends the follow-up to the moderators: once, scanned as it is sent, and audited. */
export async function sendFollowUp(
  context: AppLoadContext,
  followUp: FollowUp,
  answers: FollowUpAnswers,
) {
  const { incomplete, findings } = await checkFollowUp(context, followUp, answers)
  if (incomplete.length > 0) return false
  const now = context.services.clock.now()
  return context.services.db.transaction().execute(async (trx) => {
    const sent = await markFollowUpSubmitted(trx, {
      id: followUp.id,
      now,
      findings: findings as unknown as Json,
      flagged: findings.length > 0,
    })
    if (!sent) return false
    await recordAuditEvent(trx, {
      actorId: null,
      action: 'follow_up.submitted',
      subjectType: 'follow_up',
      subjectId: followUp.id,
      before: { status: 'invited' },
      after: { status: 'submitted', personalDataFindings: findings.length },
    })
    return true
  })
}
