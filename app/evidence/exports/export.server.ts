import type { Readable } from 'node:stream'
import { createReadableStreamFromReadable, type AppLoadContext } from '@remix-run/node'
import { recordAuditEvent } from '../../../db/repositories/audit-events'
import { countEvidence } from '../../../db/repositories/evidence'
import { evidenceGapCells } from '../../../db/repositories/evidence-figures'
import { streamEvidenceRows } from '../../../db/repositories/evidence-rows'
import {
  evidenceHref,
  evidenceSearchParams,
  toEvidenceScope,
  type EvidenceFilter,
} from '../evidence-filter'
import { loadEvidenceFigures } from '../figures.server'
import { loadEvidencePack } from '../pack.server'
import { guardedRows } from '../../privacy/public-boundary.server'
import { shownCount } from '../suppression'
import { describeEvidenceFilter, loadEvidenceVocabulary } from '../vocabulary.server'
import { exportColumns } from './columns'
import { writeEvidenceCsv } from './csv.server'
import { writeEvidenceDocx } from './docx.server'
import { writeEvidenceJson } from './json.server'
import { writeEvidencePdf } from './pdf.server'
import { writeEvidenceSchools } from './schools.server'
import { EXPORT_FORMATS, exportFileName, type ExportFormat } from '../export.schema'
import type { ExportSource } from './source.server'
import { writeEvidenceXlsx } from './xlsx.server'

export interface ExportRequest {
  filter: EvidenceFilter
  format: ExportFormat
  /** Respondents' contact details, where they agreed to be contacted (internal exports only). */
  contacts: boolean
}

/**
 * Streams an export of the current filter and records who took it, when, with which filter and
 * format, and how many rows it held. Every format reads the same rows through the one evidence
 * query; none has a path of its own.
 */
export async function exportEvidence(
  context: AppLoadContext,
  actorId: string,
  request: ExportRequest,
): Promise<Response> {
  const { db, publicBaseUrl } = context.services
  const { filter, format } = request
  const contacts = request.contacts && filter.audience === 'internal'
  const scope = toEvidenceScope(filter)
  const vocabulary = await loadEvidenceVocabulary(context)
  const description = describeEvidenceFilter(filter, vocabulary)
  const generatedAt = new Date()
  const rowCount = await countEvidence(db, scope)
  await recordAuditEvent(db, {
    actorId,
    action: 'evidence.exported',
    subjectType: 'evidence',
    subjectId: format,
    after: {
      format,
      filter: evidenceSearchParams(filter).toString(),
      description,
      rows: rowCount,
      contacts,
    },
  })
  const source: ExportSource = {
    filter,
    description,
    reproduceUrl: `${publicBaseUrl}${evidenceHref('/evidence', filter)}`,
    generatedAt,
    columns: exportColumns(contacts),
    context: { label: vocabulary.label, publicBaseUrl },
    // What is prepared for publication passes the boundary guard row by row.
    rows: () =>
      filter.audience === 'publication'
        ? guardedRows(db, streamEvidenceRows(db, scope, { contacts }))
        : streamEvidenceRows(db, scope, { contacts }),
  }
  let body: Readable
  if (format === 'csv') body = writeEvidenceCsv(source)
  else if (format === 'json') body = writeEvidenceJson(source)
  else if (format === 'pdf')
    body = writeEvidencePdf(source, await loadEvidencePack(context, filter, vocabulary))
  else if (format === 'schools')
    body = await writeEvidenceSchools(db, scope, {
      publication: filter.audience === 'publication',
      figure: (await loadEvidenceFigures(context, filter, vocabulary)).schools,
      description,
    })
  else if (format === 'docx')
    body = writeEvidenceDocx(source, await loadEvidencePack(context, filter, vocabulary), rowCount)
  else {
    const [figures, cells] = await Promise.all([
      loadEvidenceFigures(context, filter, vocabulary),
      evidenceGapCells(db, scope, 'code'),
    ])
    const regions = figures.breakdowns.find((b) => b.key === 'region')?.figures ?? []
    body = writeEvidenceXlsx(source, {
      crosstab: {
        practices: vocabulary.facets.practice,
        needs: vocabulary.facets.need,
        count: (practice, need) => {
          const cell = cells.find((c) => c.practice === practice && c.need === need)
          return cell ? shownCount(cell, filter.audience) : 0
        },
      },
      regions: regions.map((r) => ({
        label: r.label,
        count: r.count,
        averageStrength: r.averageStrength,
      })),
    })
  }
  context.services.log.info({ format, rows: rowCount, contacts }, 'evidence export started')
  const day = generatedAt.toISOString().slice(0, 10)
  const type = EXPORT_FORMATS.find((f) => f.value === format)!.contentType
  return new Response(createReadableStreamFromReadable(body), {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${exportFileName(format, day)}"`,
      'Cache-Control': 'no-store',
      'X-Row-Count': String(rowCount),
    },
  })
}
