import { z } from 'zod'

/** The export form: a format, and whether to include contact details. */
export const exportFormSchema = z.object({
  format: z.enum(['csv', 'xlsx', 'json', 'pdf'] as const, {
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
] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]['value']
