import { data, redirect, type ActionFunctionArgs } from '@remix-run/node'
import type { ZodType } from 'zod'
import { findEstablishmentsByUrn } from '../../db/repositories/establishments'
import { updateDraftFindings, updateDraftSection } from '../../db/repositories/submissions'
import type { Json } from '../../db/types'
import { validateCsrf } from '../utils/csrf.server'
import { fieldErrorsOf, markFormErrors } from '../utils/form-errors'
import { freeText, withCompleted, type StoredAnswers } from './answers'
import { scanAnswers } from './personal-data'
import { readSectionForm } from './form-input'
import { requireDraft } from './response-access.server'
import { nextSection, type SectionKey } from './sections'

export type Draft = Awaited<ReturnType<typeof requireDraft>>

/** Where "Save and continue" goes after a section: the next one, or the task list. */
export function afterSection(slug: string, key: SectionKey) {
  const next = nextSection(key)
  return `/calls/${slug}/response/${next ?? ''}`
}

/**
 * A question page's POST. What was typed is always saved, valid or not, so that nothing is lost;
 * the section counts as complete only when it passes its schema. "Save and come back later" then
 * goes to the page that emails a return link; "Save and continue" to the next question or, with
 * errors, back to this page showing them.
 */
export async function handleSectionPost(
  { request, context, params }: ActionFunctionArgs,
  section: {
    key: Exclude<SectionKey, 'about-you' | 'organisation' | 'files'>
    fields: { text: readonly string[]; lists?: readonly string[] }
    schema: (draft: Draft) => Promise<ZodType> | ZodType
  },
) {
  const draft = await requireDraft(request, context, params.slug)
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const values = readSectionForm(formData, section.fields)
  const schema = await section.schema(draft)
  const parsed = schema.safeParse(values)
  const completed = withCompleted(draft.answers, section.key, parsed.success)
  await updateDraftSection(
    context.services.db,
    draft.submission.id,
    section.key,
    values as Json,
    completed,
  )
  // Scanned on every save, as on sending: the flag on a draft is always its text's.
  const saved = { ...draft.answers, [section.key]: values } as StoredAnswers
  const schools = await findEstablishmentsByUrn(
    context.services.db,
    saved.organisation?.urns?.slice(0, 1000) ?? [],
  )
  const findings = scanAnswers(freeText(saved), {
    allowedPostcodes: schools.map((s) => s.postcode).filter((p): p is string => Boolean(p)),
  })
  await updateDraftFindings(context.services.db, draft.submission.id, findings as unknown as Json)
  const slug = draft.call.slug
  if (formData.get('intent') === 'later') throw redirect(`/calls/${slug}/response/save`)
  if (parsed.success) {
    const fromCheck = formData.get('returnTo') === 'check'
    throw redirect(fromCheck ? `/calls/${slug}/response/check` : afterSection(slug, section.key))
  }
  markFormErrors(context)
  return data({ errors: fieldErrorsOf(parsed.error), values }, { status: 400 })
}

/** What a question page shows in its fields: what was just posted, else what was saved. */
export function savedValues(answers: StoredAnswers, key: keyof StoredAnswers) {
  const saved = answers[key]
  return (saved && typeof saved === 'object' ? saved : {}) as Record<string, string | string[]>
}
