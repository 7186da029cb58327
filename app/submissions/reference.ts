import { randomInt } from 'node:crypto'

// Eight characters from 32 that cannot be mistaken for one another when read aloud or retyped:
// no 0/O, no 1/I. 32^8 is about 10^12, so a clash is rare and the insert simply retries.
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

export function generateReference(): string {
  let chars = ''
  for (let i = 0; i < 8; i++) chars += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]
  return `IIP-${chars.slice(0, 4)}-${chars.slice(4)}`
}
