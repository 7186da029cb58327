// Turns one row of the GIAS edubasealldata CSV into the fields we store.
// A row that cannot be trusted is skipped with a reason a person can act on
// (naming the column and the value), rather than being half-imported.

export interface EstablishmentInput {
  urn: number
  laCode: string
  laName: string
  establishmentNumber: string | null
  name: string
  typeCode: number
  typeName: string
  typeGroupCode: number | null
  typeGroupName: string | null
  statusCode: number
  statusName: string
  phaseCode: number
  phaseName: string
  statutoryLowAge: number | null
  statutoryHighAge: number | null
  trustUid: string | null
  trustName: string | null
  ukprn: string | null
  street: string | null
  locality: string | null
  town: string | null
  county: string | null
  postcode: string | null
  regionCode: string | null
  regionName: string | null
  resourcedProvision: string | null
  hasResourcedProvision: boolean
  hasSenUnit: boolean
  numberOfPupils: number | null
  /** ISO yyyy-mm-dd */
  openDate: string | null
  closeDate: string | null
  lastChangedDate: string | null
}

export type ParseEstablishmentResult =
  { ok: true; establishment: EstablishmentInput } | { ok: false; reason: string }

export const requiredGiasColumns: readonly string[] = [
  'URN',
  'LA (code)',
  'LA (name)',
  'EstablishmentName',
  'TypeOfEstablishment (code)',
  'TypeOfEstablishment (name)',
  'EstablishmentStatus (code)',
  'EstablishmentStatus (name)',
  'PhaseOfEducation (code)',
  'PhaseOfEducation (name)',
]

const maxTextLength = 300

// Values of `TypeOfResourcedProvision (name)` seen in GIAS; anything else
// (including "Not applicable") means neither.
const resourcedProvisionValues = new Set([
  'resourced provision',
  'resourced provision and sen unit',
])
const senUnitValues = new Set(['sen unit', 'resourced provision and sen unit'])

/** Names of required columns that are absent from a GIAS header row. */
export function checkGiasHeader(header: string[]): string[] {
  const present = new Set(header.map((name) => name.trim()))
  return requiredGiasColumns.filter((name) => !present.has(name))
}

export function parseEstablishmentRow(row: Record<string, string>): ParseEstablishmentResult {
  try {
    return { ok: true, establishment: readEstablishment(new RowReader(row)) }
  } catch (error) {
    if (error instanceof RowProblem) return { ok: false, reason: error.message }
    throw error
  }
}

function readEstablishment(r: RowReader): EstablishmentInput {
  const urn = r.wholeNumber('URN', { required: true })
  if (urn === 0) throw new RowProblem(`URN "${r.text('URN')}" is not a positive whole number`)

  const laCode = r.requiredText('LA (code)')
  if (!/^\d{3}$/.test(laCode)) throw new RowProblem(`LA (code) "${laCode}" is not a 3-digit code`)

  const resourcedProvision = r.text('TypeOfResourcedProvision (name)')
  const provisionKey = resourcedProvision?.toLowerCase() ?? ''

  return {
    urn,
    laCode,
    laName: r.requiredText('LA (name)'),
    establishmentNumber: r.text('EstablishmentNumber'),
    name: r.requiredText('EstablishmentName'),
    typeCode: r.wholeNumber('TypeOfEstablishment (code)', { required: true }),
    typeName: r.requiredText('TypeOfEstablishment (name)'),
    typeGroupCode: r.wholeNumber('EstablishmentTypeGroup (code)'),
    typeGroupName: r.text('EstablishmentTypeGroup (name)'),
    statusCode: r.wholeNumber('EstablishmentStatus (code)', { required: true }),
    statusName: r.requiredText('EstablishmentStatus (name)'),
    phaseCode: r.wholeNumber('PhaseOfEducation (code)', { required: true }),
    phaseName: r.requiredText('PhaseOfEducation (name)'),
    statutoryLowAge: r.wholeNumber('StatutoryLowAge'),
    statutoryHighAge: r.wholeNumber('StatutoryHighAge'),
    trustUid: r.text('Trusts (code)'),
    trustName: r.text('Trusts (name)'),
    ukprn: r.text('UKPRN'),
    street: r.text('Street'),
    locality: r.text('Locality'),
    town: r.text('Town'),
    county: r.text('County (name)'),
    postcode: r.text('Postcode'),
    regionCode: r.text('GOR (code)'),
    regionName: r.text('GOR (name)'),
    resourcedProvision,
    hasResourcedProvision: resourcedProvisionValues.has(provisionKey),
    hasSenUnit: senUnitValues.has(provisionKey),
    numberOfPupils: r.wholeNumber('NumberOfPupils'),
    openDate: r.date('OpenDate'),
    closeDate: r.date('CloseDate'),
    lastChangedDate: r.date('LastChangedDate'),
  }
}

class RowProblem extends Error {}

class RowReader {
  constructor(private readonly row: Record<string, string>) {}

  text(column: string): string | null {
    const value = this.row[column]?.trim() ?? ''
    if (value === '') return null
    if (value.length > maxTextLength) {
      throw new RowProblem(`${column} is longer than ${maxTextLength} characters (${value.length})`)
    }
    return value
  }

  requiredText(column: string): string {
    const value = this.text(column)
    if (value === null) throw new RowProblem(`${column} is missing`)
    return value
  }

  wholeNumber(column: string, options: { required: true }): number
  wholeNumber(column: string, options?: { required: boolean }): number | null
  wholeNumber(column: string, options?: { required: boolean }): number | null {
    const value = options?.required ? this.requiredText(column) : this.text(column)
    if (value === null) return null
    // GIAS writes some codes with a leading zero ("02"), so digits only, not Number().
    if (!/^\d+$/.test(value)) throw new RowProblem(`${column} "${value}" is not a whole number`)
    const number = Number(value)
    if (!Number.isSafeInteger(number)) throw new RowProblem(`${column} "${value}" is too large`)
    return number
  }

  /** GIAS dates are dd-mm-yyyy; returns ISO yyyy-mm-dd. */
  date(column: string): string | null {
    const value = this.text(column)
    if (value === null) return null
    const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value)
    if (!match || !isRealDate(Number(match[3]), Number(match[2]), Number(match[1]))) {
      throw new RowProblem(`${column} "${value}" is not a real date (expected dd-mm-yyyy)`)
    }
    return `${match[3]}-${match[2]}-${match[1]}`
  }
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const isLeapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const daysInMonth = [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return day <= (daysInMonth[month - 1] ?? 0)
}
