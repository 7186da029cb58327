import { randomInt } from 'node:crypto'

// Eight characters from 32 that cannot be mistaken for one another when read aloud or retyped:
// no 0/O, no 1/I. 32^8 is about 10^12, so a clash is rare and the insert simply retries.
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

/** A response reference as people see it: IIP-, then two groups of four. */
export const REFERENCE_PATTERN = /^IIP-[0-9A-Z]{4}-[0-9A-Z]{4}$/

export const isReference = (value: string) => REFERENCE_PATTERN.test(value)

export function generateReference(): string {
  let chars = ''
  for (let i = 0; i < 8; i++) chars += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]
  return `IIP-${chars.slice(0, 4)}-${chars.slice(4)}`
}
