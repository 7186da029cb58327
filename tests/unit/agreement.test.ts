import { expect, test } from 'vitest'
import { agreement } from '../../app/moderation/agreement'

test("Cohen's kappa matches the textbook example: 20 both, 5 and 10 one only, 15 neither → 0.4", () => {
  // One term, fifty submissions: the classic 2×2 table a=20, b=5, c=10, d=15.
  const pairs = [
    ...Array.from({ length: 20 }, () => ({ first: ['x'], second: ['x'] })),
    ...Array.from({ length: 5 }, () => ({ first: ['x'], second: [] })),
    ...Array.from({ length: 10 }, () => ({ first: [], second: ['x'] })),
    ...Array.from({ length: 15 }, () => ({ first: [], second: [] })),
  ]
  expect(agreement(pairs, ['x'])).toEqual({ decisions: 50, percent: 70, kappa: 0.4 })
})

test('perfect agreement is kappa 1; systematic disagreement is negative', () => {
  const same = [
    { first: ['a', 'b'], second: ['a', 'b'] },
    { first: ['c'], second: ['c'] },
  ]
  expect(agreement(same, ['a', 'b', 'c'])).toEqual({ decisions: 6, percent: 100, kappa: 1 })
  const opposite = [
    { first: ['a'], second: ['b'] },
    { first: ['b'], second: ['a'] },
  ]
  expect(agreement(opposite, ['a', 'b']).kappa).toBe(-1)
})

test('nothing coded gives no kappa rather than a division by zero', () => {
  expect(agreement([], ['a'])).toEqual({ decisions: 0, percent: 0, kappa: null })
  // Both coders always say no: full agreement, kappa defined as 1.
  expect(agreement([{ first: [], second: [] }], ['a'])).toEqual({
    decisions: 1,
    percent: 100,
    kappa: 1,
  })
})
