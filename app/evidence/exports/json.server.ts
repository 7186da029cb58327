import { PassThrough, type Readable } from 'node:stream'
import type { EvidenceRow } from '../../../db/repositories/evidence-rows'
import type { ExportContext } from './columns'
import { runInto, whenWritable, type ExportSource } from './source.server'

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString())

/** A case study as a JSON record: tags as arrays of codes and labels rather than joined text. */
export function toJsonRecord(row: EvidenceRow, context: ExportContext) {
  const tagsOf = (scheme: string) =>
    row.tags.filter((t) => t.scheme === scheme).map((t) => ({ code: t.code, label: t.label }))
  return {
    reference: row.reference,
    title: row.title,
    status: row.status,
    consent: row.consent,
    call: row.call,
    url: row.status === 'published' ? `${context.publicBaseUrl}/library/${row.slug}` : null,
    organisation: {
      kind: row.organisation_kind,
      name: row.organisation_name,
      urn: row.urn,
      localAuthority: row.la_name,
      region: row.region_code ? context.label('region', row.region_code) : null,
    },
    tags: {
      needAreas: [
        ...new Set(row.tags.filter((t) => t.scheme === 'need').map((t) => t.parentCode)),
      ].filter((code): code is string => code !== null),
      needs: tagsOf('need'),
      practices: tagsOf('practice'),
      phases: tagsOf('phase'),
      settings: tagsOf('setting'),
      outcomes: tagsOf('outcome'),
      principles: tagsOf('principle'),
    },
    evidenceStrength: row.evidence_strength,
    summary: row.summary,
    challenge: row.challenge,
    practice: row.practice,
    impact: row.impact,
    measures: row.measures,
    keyFactors: row.key_factors,
    advice: row.advice,
    costAndResources: row.cost_and_resources,
    submittedAt: iso(row.submitted_at),
    publishedAt: iso(row.published_at),
    version: row.version,
    lastReviewedAt: iso(row.last_reviewed_at),
    isFictional: row.is_fictional,
    ...(row.contact_email || row.contact_name
      ? { contact: { name: row.contact_name, email: row.contact_email, role: row.contact_role } }
      : {}),
  }
}

/** `{ filter, caseStudies: [...], count }`, written record by record. */
export function writeEvidenceJson(source: ExportSource): Readable {
  const out = new PassThrough()
  runInto(out, async () => {
    const head = {
      service: 'Inclusion in Practice',
      generatedAt: source.generatedAt.toISOString(),
      filter: source.description,
      reproduce: source.reproduceUrl,
    }
    out.write(`${JSON.stringify(head).slice(0, -1)},"caseStudies":[`)
    let count = 0
    for await (const row of source.rows()) {
      if (out.destroyed) return
      out.write(`${count > 0 ? ',' : ''}\n${JSON.stringify(toJsonRecord(row, source.context))}`)
      count++
      await whenWritable(out)
    }
    out.end(`\n],"count":${count}}\n`)
  })
  return out
}
