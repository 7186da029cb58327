import { randomInt } from 'node:crypto'

// Eight characters from 32 that cannot be mistaken for one another when read aloud or retyped:
// no 0/O, no 1/I. 32^8 is about 10^12, so a clash is rare and the insert simply retries.
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

export function generateReference(): string {
  let chars = ''
  for (let i = 0; i < 8; i++) chars += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]
  return `IIP-${chars.slice(0, 4)}-${chars.slice(4)}`
}

/** A reference as a person might type it: any case, spaces or missing hyphens. */
export function normaliseReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[^0-9A-Z]/g, '')
  const body = compact.startsWith('IIP') ? compact.slice(3) : compact
  if (body.length !== 8 || [...body].some((c) => !REFERENCE_ALPHABET.includes(c))) return null
  return `IIP-${body.slice(0, 4)}-${body.slice(4)}`
}
