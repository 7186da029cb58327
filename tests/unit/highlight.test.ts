import { expect, test } from 'vitest'
import { highlight } from '../../app/moderation/highlight'

test('every occurrence of each phrase is marked, the longest first, regex characters as text', () => {
  expect(
    highlight('Amelia (UPN B801200005001) and Amelia again', ['Amelia', 'B801200005001']),
  ).toEqual([
    { text: 'Amelia', marked: true },
    { text: ' (UPN ', marked: false },
    { text: 'B801200005001', marked: true },
    { text: ') and ', marked: false },
    { text: 'Amelia', marked: true },
    { text: ' again', marked: false },
  ])
  expect(highlight('call 07700 900123 (x)', ['(x)'])).toEqual([
    { text: 'call 07700 900123 ', marked: false },
    { text: '(x)', marked: true },
  ])
  expect(highlight('nothing here', [])).toEqual([{ text: 'nothing here', marked: false }])
})
