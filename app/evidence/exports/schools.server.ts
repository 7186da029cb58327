import { Readable } from 'node:stream'
import { listEvidenceSchools } from '../../../db/repositories/evidence-rows'
import type { EvidenceScope } from '../../../db/repositories/evidence'
import type { Database } from '../../../db/client'
import { toCsv } from '../../utils/csv.server'
import { SUPPRESSED_TEXT } from '../suppression'

/**
 * The "Schools" headline figure, reproducible: one row per school with the case studies that
 * cover it. In outputs for publication a school is named only where a respondent agreed, with
 * only those case studies; the others are one line that counts them, so the rows still add up to
 * the figure (or say "fewer than 5" where the figure itself is suppressed).
 */
export async function writeEvidenceSchools(
  db: Database,
  scope: EvidenceScope,
  options: { publication: boolean; figure: number | null; description: string[] },
): Promise<Readable> {
  const schools = await listEvidenceSchools(db, scope)
  const shown = options.publication ? schools.filter((s) => s.named_references.length > 0) : schools
  const unnamed = schools.length - shown.length
  const rows: unknown[][] = shown.map((s) => {
    const references = options.publication ? s.named_references : s.references
    return [
      s.urn,
      s.name,
      s.la_name,
      s.region_name ?? '',
      s.phase_name,
      references.length,
      references.join('; '),
    ]
  })
  if (options.publication && unnamed > 0)
    rows.push([
      '',
      `Schools not named (their respondents asked not to be): ${options.figure === null ? SUPPRESSED_TEXT : unnamed}`,
      '',
      '',
      '',
      '',
      '',
    ])
  const csv = toCsv(
    [
      'URN',
      'School',
      'Local authority',
      'Region',
      'Phase',
      'Case studies',
      'Case study references',
    ],
    rows,
  )
  return Readable.from([csv])
}
