import type { Kysely } from 'kysely'
import type { DB } from '../../db/types'
import { demoAccounts } from '../../app/accounts/demo-accounts'
import { RespondentClient } from './respondent-client'

// Who may see each route: every folder in app/routes has a row, requested (GET) as each kind of
// visitor. Used by the access-matrix test (a route with no row fails it) and the form-action fuzz
// (which posts to each action as a visitor allowed to see it).
//
// Outcomes: a status code, or "sign-in" (a redirect to sign in), "start" (a redirect to the call's
// start page, for response pages without a response in this browser), "response" (to the
// response's task list) or "account" (to the account page).

export const VISITORS = ['anonymous', 'respondent', 'moderator', 'advisory', 'admin'] as const
export type Visitor = (typeof VISITORS)[number]
export type Outcome = number | 'sign-in' | 'start' | 'response' | 'account'
export type Row = readonly [
  anonymous: Outcome,
  respondent: Outcome,
  moderator: Outcome,
  advisory: Outcome,
  admin: Outcome,
]

const everyone = (outcome: Outcome): Row => [outcome, outcome, outcome, outcome, outcome]
const staffOnly = (moderator: Outcome, advisory: Outcome, admin: Outcome = 200): Row => [
  'sign-in',
  'sign-in',
  moderator,
  advisory,
  admin,
]
const ADMIN = staffOnly(403, 403)
const MODERATION = staffOnly(200, 403)
const EVIDENCE = staffOnly(403, 200)
const STAFF = staffOnly(200, 200)
// Pages of a response in progress: without one in this browser, people are sent to start one.
const RESPONSE: Row = ['start', 200, 'start', 'start', 'start']

export const matrix: Record<string, Row> = {
  $: everyone(404),
  _index: everyone(200),
  accessibility: everyone(200),
  cookies: everyone(200),
  privacy: everyone(200),
  feedback: everyone(200),
  healthz: everyone(200),
  'favicon[.]ico': everyone(204),
  'signed-out': everyone(200),
  // Signed in already: on to the account page.
  'sign-in': [200, 200, 'account', 'account', 'account'],
  // Only after a right password for an account with two-factor sign-in.
  'sign-in_.two-factor': everyone('sign-in'),
  // Signing out is a POST: a GET shows staff the button, and sends anyone else home.
  'sign-out': [302, 302, 200, 200, 200],
  // A link never issued (or used, or expired) is gone.
  'set-password.$token': everyone(410),
  account: STAFF,
  'account_.two-factor': STAFF,

  'library._index': everyone(200),
  'library.$slug': everyone(200),
  // Version 1 of any published case study: every case study is at least its own version 1.
  'library.$slug_.versions.$number': everyone(200),
  'library.needs.$code': everyone(200),
  'library.practices.$code': everyone(200),
  'api.case-studies': everyone(200),
  'api.case-studies.$slug': everyone(200),

  'calls.$slug._index': everyone(200),
  'calls.$slug.return._index': everyone(200),
  'calls.$slug.return.$token': everyone(410),
  'calls.$slug.response._index': RESPONSE,
  'calls.$slug.response.about-you': RESPONSE,
  'calls.$slug.response.organisation': RESPONSE,
  'calls.$slug.response.school': RESPONSE,
  'calls.$slug.response.schools': RESPONSE,
  'calls.$slug.response.practice': RESPONSE,
  'calls.$slug.response.story': RESPONSE,
  'calls.$slug.response.impact': RESPONSE,
  'calls.$slug.response.files': RESPONSE,
  'calls.$slug.response.consent': RESPONSE,
  'calls.$slug.response.check': RESPONSE,
  'calls.$slug.response.save': RESPONSE,
  // Follow-ups: an emailed link never issued is not valid; the pages need the session it opens.
  'follow-up.open.$token': everyone(404),
  'follow-up.running': everyone(403),
  'follow-up.changes': everyone(403),
  'follow-up.impact': everyone(403),
  'follow-up.pupils': everyone(403),
  'follow-up.advice': everyone(403),
  'follow-up.check': everyone(403),
  'follow-up.confirmation': everyone(403),

  // Only a sent response has a confirmation; a draft is sent back to its task list.
  'calls.$slug.response.confirmation': ['start', 'response', 'start', 'start', 'start'],
  // A draft has no status yet: back to its task list.
  'calls.$slug.response.status': ['start', 'response', 'start', 'start', 'start'],

  'moderate._index': MODERATION,
  'moderate.$reference._index': MODERATION,
  // The sampled submission is not in a double-coding sample: found only by those allowed to look.
  'moderate.$reference.second-coding': staffOnly(404, 403, 404),
  // A file that does not exist (downloads of real ones are tested with moderation).
  'moderate.$reference.files.$fileId': staffOnly(404, 403, 404),
  'moderate.agreement': MODERATION,
  'moderate.follow-ups._index': MODERATION,
  // A submission whose case study has no updates yet: the page says so.
  'moderate.$reference.follow-up': MODERATION,
  'moderate.audit': MODERATION,
  'moderate.audit[.csv]': MODERATION,

  'evidence._index': EVIDENCE,
  'evidence.gap-map': EVIDENCE,
  'evidence.case-studies._index': EVIDENCE,
  'evidence.case-studies.$reference': EVIDENCE,
  'evidence.export': EVIDENCE,
  'evidence.pack': EVIDENCE,
  // Downloads are POSTs (audited, with the CSRF token, and checked by role in the evidence
  // tests); a GET is refused for everyone before anything else.
  'evidence.download': everyone(405),

  'admin._index': ADMIN,
  'admin.calls._index': ADMIN,
  'admin.calls.new': ADMIN,
  'admin.calls.$slug._index': ADMIN,
  'admin.calls.$slug.close': ADMIN,
  'admin.staff._index': ADMIN,
  'admin.staff.invite': ADMIN,
  'admin.staff.$id': ADMIN,
  'admin.taxonomy._index': ADMIN,
  'admin.taxonomy.$scheme._index': ADMIN,
  'admin.taxonomy.$scheme.$code': ADMIN,
  'admin.taxonomy.synonyms._index': ADMIN,
  'admin.taxonomy.synonyms.$group': ADMIN,
  'admin.taxonomy.conditions._index': ADMIN,
  'admin.taxonomy.conditions.$condition': ADMIN,
  'admin.search': ADMIN,

  // Test runs only (NODE_ENV=test): the adjustable clock. The local mailbox exists only without
  // GOV.UK Notify; these tests' app sends through (stubbed) Notify.
  'dev.clock': everyone(200),
  'dev.mailbox': everyone(404),
}

/** Real values for each route parameter, from the e2e app's database. */
export async function samples(db: Kysely<DB>): Promise<Record<string, string>> {
  const call = 'inclusion-in-practice'
  const caseStudy = await db
    .selectFrom('case_studies')
    .select('slug')
    .where('status', '=', 'published')
    .orderBy('published_at')
    .limit(1)
    .executeTakeFirstOrThrow()
  const submission = await db
    .selectFrom('submissions')
    .select(['id', 'reference'])
    .where('status', 'in', ['approved', 'published'])
    .orderBy('reference')
    .limit(1)
    .executeTakeFirstOrThrow()
  const admin = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', demoAccounts.find((a) => a.role === 'admin')!.email)
    .executeTakeFirstOrThrow()
  return {
    'calls.$slug': call,
    'admin.calls.$slug': call,
    'library.$slug': caseStudy.slug,
    'api.case-studies.$slug': caseStudy.slug,
    'library.needs.$code': 'ASD',
    'library.practices.$code': 'adaptive-teaching',
    'admin.taxonomy.$scheme.$code': 'SEMH',
    $scheme: 'need',
    $reference: submission.reference,
    'evidence.case-studies.$reference': submission.reference,
    $fileId: '00000000-0000-4000-8000-000000000000',
    $id: admin.id,
    $group: 'new',
    $condition: 'new',
    // Tokens that were never issued: the pages must still answer, not fail.
    $token: 'x'.repeat(43),
    $number: '1',
    $: 'no-such-page',
  }
}

export function urlFor(route: string, values: Record<string, string>): string {
  // Dots inside brackets are literal: favicon[.]ico, audit[.csv].
  const parts = route.split(/\.(?![^[]*\])/).flatMap((part, i, all) => {
    if (part === '_index') return []
    const key = part.replace(/_$/, '')
    if (key.startsWith('$')) {
      const value = values[[...all.slice(0, i), key].join('.')] ?? values[key]
      if (value === undefined) throw new Error(`No sample value for ${key} in route ${route}`)
      return [value]
    }
    return [key.replace(/\[(.+?)\]/g, '$1')]
  })
  return `/${parts.join('/')}`
}

export async function visitor(baseUrl: string, kind: Visitor): Promise<RespondentClient> {
  const client = new RespondentClient(baseUrl)
  if (kind === 'respondent') {
    const start = await client.get('/calls/inclusion-in-practice')
    const token = /name="startToken" value="([^"]+)"/.exec(start.html)?.[1] ?? ''
    await client.post('/calls/inclusion-in-practice', { startToken: token, website: '' })
  } else if (kind !== 'anonymous') {
    const account = demoAccounts.find((a) => a.role === kind)!
    await client.get('/sign-in')
    const signedIn = await client.post('/sign-in', {
      email: account.email,
      password: account.password,
    })
    if (signedIn.location !== '/account') throw new Error(`The demo ${kind} could not sign in`)
  }
  return client
}

export function outcomeOf(status: number, location: string | null, call: string): Outcome {
  if (status >= 300 && status < 400 && location) {
    const target = new URL(location, 'http://app').pathname
    if (target === '/sign-in') return 'sign-in'
    if (target === `/calls/${call}`) return 'start'
    if (target === `/calls/${call}/response`) return 'response'
    if (target === '/account') return 'account'
  }
  return status
}
