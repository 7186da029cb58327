import type { EvidenceRow } from '../../../db/repositories/evidence-rows'
import { evidenceStrengthLabel } from '../../library/evidence-strength'

/** What every export needs to turn a row into cells: labels and the service's address. */
export interface ExportContext {
  label: (scheme: string, code: string) => string
  publicBaseUrl: string
}

export type CellValue = string | number | Date | null

export interface ExportColumn {
  key: string
  header: string
  /** For the data dictionary in the evidence pack. */
  description: string
  type: 'text' | 'number' | 'date' | 'list'
  value: (row: EvidenceRow, context: ExportContext) => CellValue
}

/** Multi-valued cells join their values with this, in taxonomy order. */
export const LIST_SEPARATOR = '; '

const codes = (row: EvidenceRow, scheme: string) =>
  row.tags.filter((t) => t.scheme === scheme).map((t) => t.code)
const labels = (row: EvidenceRow, scheme: string) =>
  row.tags.filter((t) => t.scheme === scheme).map((t) => t.label)
const joined = (values: string[]) => values.join(LIST_SEPARATOR)
const date = (value: Date | string | null) => (value === null ? null : new Date(value))

interface Measure {
  measure?: string
  before?: string
  after?: string
  period?: string
}

function measuresText(value: unknown): string {
  if (!Array.isArray(value)) return ''
  return joined(
    (value as Measure[]).map(
      (m) =>
        `${m.measure ?? 'Measure'}: ${m.before ?? ''} to ${m.after ?? ''}${m.period ? ` (${m.period})` : ''}`,
    ),
  )
}

/** The columns of the case-study sheet, the CSV and the JSON, in order. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  {
    key: 'reference',
    header: 'Reference',
    description:
      'The response reference (IIP-XXXX-XXXX), or the case study’s address for case studies written by the team.',
    type: 'text',
    value: (r) => r.reference,
  },
  {
    key: 'title',
    header: 'Title',
    description: 'The case study’s title.',
    type: 'text',
    value: (r) => r.title,
  },
  {
    key: 'status',
    header: 'Status',
    description: 'Published, approved (not published), in review or changes requested.',
    type: 'text',
    value: (r, c) => c.label('status', r.status),
  },
  {
    key: 'consent',
    header: 'Consent',
    description: 'What the respondent agreed to: named, anonymised, or evidence only.',
    type: 'text',
    value: (r, c) => c.label('consent', r.consent),
  },
  {
    key: 'call',
    header: 'Call for evidence',
    description: 'The call the response answered; empty for case studies written by the team.',
    type: 'text',
    value: (r, c) => (r.call ? c.label('call', r.call) : null),
  },
  {
    key: 'url',
    header: 'Library address',
    description: 'Where the case study can be read; published case studies only.',
    type: 'text',
    value: (r, c) => (r.status === 'published' ? `${c.publicBaseUrl}/library/${r.slug}` : null),
  },
  {
    key: 'organisation_kind',
    header: 'Organisation type',
    description:
      'School or college, multi-academy trust, local authority, local-area SEND partnership, or other organisation.',
    type: 'text',
    value: (r, c) => c.label('organisation', r.organisation_kind),
  },
  {
    key: 'organisation_kind_code',
    header: 'Organisation type code',
    description:
      'The same, as a code for machines: school, trust, local-authority, local-area or other.',
    type: 'text',
    value: (r) => r.organisation_kind,
  },
  {
    key: 'organisation_name',
    header: 'Organisation',
    description: 'Named only where the respondent agreed to be named.',
    type: 'text',
    value: (r) => r.organisation_name,
  },
  {
    key: 'urn',
    header: 'URN',
    description: 'The school’s unique reference number; only where the school agreed to be named.',
    type: 'number',
    value: (r) => r.urn,
  },
  {
    key: 'la_name',
    header: 'Local authority',
    description: 'The local authority of the school or organisation.',
    type: 'text',
    value: (r) => r.la_name,
  },
  {
    key: 'region',
    header: 'Region',
    description: 'The English region.',
    type: 'text',
    value: (r, c) => (r.region_code ? c.label('region', r.region_code) : null),
  },
  {
    key: 'need_areas',
    header: 'Broad areas of need',
    description: 'The SEND Code of Practice’s broad areas of the needs tagged.',
    type: 'list',
    value: (r, c) =>
      joined([
        ...new Set(
          r.tags
            .filter((t) => t.scheme === 'need' && t.parentCode)
            .map((t) => c.label('need_area', t.parentCode!)),
        ),
      ]),
  },
  {
    key: 'needs',
    header: 'Need codes',
    description: 'School census primary need codes (for example ASD, SEMH).',
    type: 'list',
    value: (r) => joined(codes(r, 'need')),
  },
  {
    key: 'need_labels',
    header: 'Needs',
    description: 'The needs tagged, in words.',
    type: 'list',
    value: (r) => joined(labels(r, 'need')),
  },
  {
    key: 'practices',
    header: 'Types of practice',
    description: 'The practice types tagged.',
    type: 'list',
    value: (r) => joined(labels(r, 'practice')),
  },
  {
    key: 'phases',
    header: 'Phases',
    description: 'Phases of education.',
    type: 'list',
    value: (r) => joined(labels(r, 'phase')),
  },
  {
    key: 'settings',
    header: 'Settings',
    description: 'The kinds of setting.',
    type: 'list',
    value: (r) => joined(labels(r, 'setting')),
  },
  {
    key: 'outcomes',
    header: 'Outcomes',
    description: 'Outcomes the case study reports.',
    type: 'list',
    value: (r) => joined(labels(r, 'outcome')),
  },
  {
    key: 'principles',
    header: 'Principles of promising practice',
    description: 'The principles of promising practice the moderator saw.',
    type: 'list',
    value: (r) => joined(labels(r, 'principle')),
  },
  {
    key: 'evidence_strength',
    header: 'Evidence strength (0-4)',
    description:
      'The moderator’s rating of how well impact is evidenced, 0 to 4; empty if unrated.',
    type: 'number',
    value: (r) => r.evidence_strength,
  },
  {
    key: 'evidence_strength_label',
    header: 'Evidence strength',
    description: 'The rating in words.',
    type: 'text',
    value: (r) => evidenceStrengthLabel(r.evidence_strength),
  },
  {
    key: 'summary',
    header: 'Summary',
    description: 'The moderator’s summary.',
    type: 'text',
    value: (r) => r.summary,
  },
  {
    key: 'challenge',
    header: 'The challenge',
    description: 'The challenge the practice answered.',
    type: 'text',
    value: (r) => r.challenge,
  },
  {
    key: 'practice',
    header: 'What it looks like in practice',
    description: 'The practice, day to day.',
    type: 'text',
    value: (r) => r.practice,
  },
  {
    key: 'impact',
    header: 'Impact',
    description: 'The impact on children, and how the school knows.',
    type: 'text',
    value: (r) => r.impact,
  },
  {
    key: 'measures',
    header: 'Measures',
    description: 'Before and after measures: measure, before, after, period.',
    type: 'list',
    value: (r) => measuresText(r.measures),
  },
  {
    key: 'key_factors',
    header: 'Key factors',
    description: 'What made it work.',
    type: 'text',
    value: (r) => r.key_factors,
  },
  {
    key: 'advice',
    header: 'Advice to other leaders',
    description: 'Advice to other leaders.',
    type: 'text',
    value: (r) => r.advice,
  },
  {
    key: 'cost_and_resources',
    header: 'Cost and resources',
    description: 'Staff, training, equipment and funding.',
    type: 'text',
    value: (r) => r.cost_and_resources,
  },
  {
    key: 'submitted_at',
    header: 'Received (UK time)',
    description: 'When the response was sent, in UK time.',
    type: 'date',
    value: (r) => date(r.submitted_at),
  },
  {
    key: 'published_at',
    header: 'Published (UK time)',
    description: 'When the case study was first published, in UK time.',
    type: 'date',
    value: (r) => date(r.published_at),
  },
  {
    key: 'is_fictional',
    header: 'Demonstration data',
    description: '“Yes” for the fictional case studies that demonstrate the service.',
    type: 'text',
    value: (r) => (r.is_fictional ? 'Yes' : 'No'),
  },
  {
    key: 'version',
    header: 'Version',
    description:
      'The case study’s current version: 1 as first published, then one more for each follow-up a moderator published.',
    type: 'number',
    value: (r) => r.version,
  },
  {
    key: 'last_reviewed_at',
    header: 'Last reviewed (UK time)',
    description:
      'When a moderator last reviewed the case study: its latest follow-up version, else its first publication, in UK time.',
    type: 'date',
    value: (r) => date(r.last_reviewed_at),
  },
]

/** Only in exports that ask for them, only for respondents who agreed to be contacted. */
export const CONTACT_COLUMNS: readonly ExportColumn[] = [
  {
    key: 'contact_name',
    header: 'Contact name',
    description: 'The respondent, where they agreed to be contacted.',
    type: 'text',
    value: (r) => r.contact_name,
  },
  {
    key: 'contact_email',
    header: 'Contact email',
    description: 'The respondent’s work email, where they agreed to be contacted.',
    type: 'text',
    value: (r) => r.contact_email,
  },
  {
    key: 'contact_role',
    header: 'Contact role',
    description: 'The respondent’s role, where they agreed to be contacted.',
    type: 'text',
    value: (r) => r.contact_role,
  },
]

export function exportColumns(contacts: boolean): readonly ExportColumn[] {
  return contacts ? [...EXPORT_COLUMNS, ...CONTACT_COLUMNS] : EXPORT_COLUMNS
}
