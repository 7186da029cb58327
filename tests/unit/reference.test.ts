import { expect, test } from 'vitest'
import { generateReference, REFERENCE_ALPHABET } from '../../app/submissions/reference'

test('references read IIP-XXXX-XXXX with no look-alike characters', () => {
  for (let i = 0; i < 2000; i++) {
    const reference = generateReference()
    expect(reference).toMatch(/^IIP-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
    // The database's own check accepts it.
    expect(reference).toMatch(/^IIP-[0-9A-HJ-NP-Z]{4}-[0-9A-HJ-NP-Z]{4}$/)
  }
  for (const lookAlike of ['0', 'O', '1', 'I']) expect(REFERENCE_ALPHABET).not.toContain(lookAlike)
})
