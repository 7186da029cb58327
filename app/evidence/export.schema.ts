import { z } from 'zod'

/** The export form: a format, and whether to include contact details. */
export const exportFormSchema = z.object({
  format: z.enum(['csv', 'xlsx', 'json', 'pdf', 'docx', 'schools'] as const, {
    errorMap: () => ({ message: 'Select a format' }),
  }),
  contacts: z
    .enum(['yes'])
    .optional()
    .transform((value) => value === 'yes'),
})

export const EXPORT_FORMATS = [
  { value: 'csv', label: 'CSV', contentType: 'text/csv; charset=utf-8' },
  {
    value: 'xlsx',
    label: 'Excel workbook (XLSX)',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  { value: 'json', label: 'JSON', contentType: 'application/json; charset=utf-8' },
  { value: 'pdf', label: 'PDF evidence summary', contentType: 'application/pdf' },
  {
    value: 'docx',
    label: 'Word document (.docx) — the evidence pack to edit',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  {
    value: 'schools',
    label: 'Schools covered (CSV) — one row per school behind the “Schools” figure',
    contentType: 'text/csv; charset=utf-8',
  },
] as const

/** The file name an export downloads as. */
export function exportFileName(format: ExportFormat, day: string) {
  return format === 'schools'
    ? `inclusion-in-practice-schools-${day}.csv`
    : `inclusion-in-practice-evidence-${day}.${format}`
}
export type ExportFormat = (typeof EXPORT_FORMATS)[number]['value']

/**
 * A Word document is built in memory, so its appendix stops after this many case studies; the
 * CSV and XLSX, which stream, hold every one.
 */
export const DOCX_APPENDIX_LIMIT = 2000
