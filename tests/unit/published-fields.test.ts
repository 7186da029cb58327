import fc from 'fast-check'
import { expect, test } from 'vitest'
import { EXPORT_COLUMNS } from '../../app/evidence/exports/columns'
import { scanCaseStudy } from '../../app/privacy/case-study-scan.server'
import { identifiersIn } from '../../app/privacy/identifiers'
import {
  MAX_MEASURES,
  publishedFields,
  publishedInputIds,
  publishedTexts,
  readPublishedForm,
  type PublishedValues,
} from '../../app/privacy/published-fields'
import { toPublicCaseStudy } from '../../app/privacy/public-view'
import type { EvidenceRow } from '../../db/repositories/evidence-rows'
import type { CaseStudyWithTags } from '../../db/repositories/case-studies'
import { toCaseStudyDocument } from '../../search/documents'
import { validUpn } from '../support/identifiers'

// Tests generated from the one list of published fields (app/privacy/published-fields.ts): a
// field added to it is scanned, editable and public at once, and text that is not in it never
// reaches a public surface.

const blank: PublishedValues = {
  title: 'Title',
  summary: '',
  challenge: '',
  practice: '',
  impact: '',
  key_factors: '',
  advice: '',
  cost_and_resources: '',
  measures: Array.from({ length: MAX_MEASURES }, () => ({
    measure: 'Attendance',
    before: '90%',
    after: '95%',
    period: '2023 to 2024',
  })),
  keywords: ['sensory'],
  organisation_name: 'Oak Primary School',
}

/** A stored row of a published case study with these values: `«column»` in every other text. */
function rowWith(values: PublishedValues, named = true): CaseStudyWithTags {
  return {
    ...values,
    id: '«id»',
    slug: '«slug»',
    organisation_named: named,
    organisation_kind: '«organisation_kind»',
    la_code: '«la_code»',
    la_name: '«la_name»',
    region_code: 'H',
    evidence_strength: 2,
    is_fictional: false,
    published_at: new Date('2026-01-01T00:00:00Z'),
    updated_at: new Date('2026-01-01T00:00:00Z'),
    public_version: 1,
    last_reviewed_at: null,
    practice_status: 'running',
    practice_status_since: null,
    measures: values.measures as unknown as CaseStudyWithTags['measures'],
    tags: [{ scheme: 'need', code: 'ASD', label: '«tag»', parentCode: null, parentLabel: null }],
  }
}

const inputs = publishedTexts(blank)

test('the list names every published field once, and every input the review page needs', () => {
  const keys = publishedFields.map((f) => f.key)
  expect(new Set(keys).size).toBe(keys.length)
  expect(inputs.map((t) => t.id).sort()).toEqual(publishedInputIds(MAX_MEASURES).sort())
})

for (const input of inputs) {
  test(`an identifier in ${input.label} (${input.id}) alone is found by the scan and by the boundary guard`, () => {
    const upn = validUpn(input.id.length * 7919)
    const values = readPublishedForm((id) => (id === input.id ? `x ${upn}` : textOf(id)))
    const findings = scanCaseStudy(values)
    expect(findings.map((f) => [f.id, f.kind, f.match])).toEqual([[input.id, 'upn', upn]])
    expect(findings[0]!.dismissible).toBe(false)
    // Public unless it is the name of an organisation that asked not to be named.
    const view = toPublicCaseStudy(rowWith(values))
    expect(identifiersIn(view).map((f) => f.kind)).toEqual(['upn'])
    const hidden = toPublicCaseStudy(rowWith(values, false))
    expect(identifiersIn(hidden).length).toBe(input.field === 'organisation_name' ? 0 : 1)
  })
}

const textOf = (id: string) => inputs.find((t) => t.id === id)?.text ?? ''

test('the review form reads back exactly what it shows, for any text (round trip)', () => {
  const text = fc.string({ maxLength: 40 }).map((s) => s.replace(/,/g, ' ').trim())
  fc.assert(
    fc.property(
      fc.record({
        title: text,
        summary: text,
        challenge: text,
        practice: text,
        impact: text,
        key_factors: text,
        advice: text,
        cost_and_resources: text,
        organisation_name: text,
        measures: fc.array(fc.record({ measure: text, before: text, after: text, period: text }), {
          maxLength: MAX_MEASURES,
        }),
        keywords: fc.array(
          text.filter((k) => k.length > 0),
          { maxLength: 5 },
        ),
      }),
      (values) => {
        const shown = new Map(publishedTexts(values).map((t) => [t.id, t.text]))
        const read = readPublishedForm((id) => shown.get(id) ?? '')
        const kept = values.measures.filter((m) => Object.values(m).some(Boolean))
        expect(read).toEqual({ ...values, measures: kept })
      },
    ),
  )
})

test('every published field reaches the public view, and no other text does', () => {
  const marked = Object.fromEntries(
    publishedFields.map((f) => [
      f.key,
      f.input === 'measures'
        ? [{ measure: '«measures»', before: '«measures»', after: '', period: '' }]
        : f.input === 'list'
          ? [`«${f.key}»`]
          : `«${f.key}»`,
    ]),
  ) as unknown as PublishedValues
  const row = rowWith(marked)
  const reference = ['slug', 'organisation_kind', 'la_code', 'la_name', 'tag', 'id']
  const found = (value: unknown) =>
    new Set([...JSON.stringify(value).matchAll(/«(\w+)»/g)].map((m) => m[1]!))

  const view = found(toPublicCaseStudy(row))
  for (const field of publishedFields) expect(view, field.key).toContain(field.key)
  for (const name of view)
    expect([...publishedFields.map((f) => f.key), ...reference]).toContain(name)
  expect(found(toPublicCaseStudy(rowWith(marked, false)))).not.toContain('organisation_name')

  // The search document and the publication exports show a subset of it, and nothing else.
  for (const name of found(toCaseStudyDocument(row)))
    expect([...publishedFields.map((f) => f.key), ...reference]).toContain(name)
  const evidenceRow = {
    ...row,
    reference: '«reference»',
    status: 'published',
    consent: 'named',
    call: '«call»',
    urn: null,
    submitted_at: null,
    contact_name: null,
    contact_email: null,
    contact_role: null,
  } as unknown as EvidenceRow
  const context = { label: (_: string, code: string) => code, publicBaseUrl: 'https://x.example' }
  const exported = found(EXPORT_COLUMNS.map((c) => c.value(evidenceRow, context)))
  for (const name of exported)
    expect([...publishedFields.map((f) => f.key), ...reference, 'reference', 'call']).toContain(
      name,
    )
})
