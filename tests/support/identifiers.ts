// Check-digit-valid pupil identifiers for tests, made from a number so each test gets its own.
// Computed here from the published rules rather than with the scanner's own functions.

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'

/** A Unique Pupil Number: a check letter, then 11 digits and a digit (permanent UPNs). */
export function validUpn(n: number): string {
  const rest = String(100_000_000_000 + (n % 900_000_000_000))
    .padStart(12, '0')
    .slice(-12)
  let sum = 0
  for (let p = 2; p <= 13; p++) sum += p * Number(rest[p - 2])
  return `${UPN_LETTERS[sum % 23]}${rest}`
}

/** An NHS number: nine digits and a modulus 11 check digit (never 10). */
export function validNhsNumber(n: number): string {
  for (let k = n; ; k++) {
    const nine = String(400_000_000 + (k % 100_000_000))
    const total = [...nine].reduce((s, d, i) => s + Number(d) * (10 - i), 0)
    const check = 11 - (total % 11)
    if (check === 10) continue
    return `${nine}${check === 11 ? 0 : check}`
  }
}

/** A Unique Learner Number: ten digits whose weighted total leaves 10 (modulus 11). */
export function validUln(n: number): string {
  for (let k = n; ; k++) {
    const nine = String(100_000_000 + (k % 900_000_000))
    const partial = [...nine].reduce((s, d, i) => s + Number(d) * (10 - i), 0)
    for (let last = 0; last <= 9; last++) if ((partial + last) % 11 === 10) return `${nine}${last}`
  }
}
