import { expect, test } from 'vitest'
import { scanText } from '../../app/submissions/personal-data'
import { buildCaseStudy } from '../../seeds/factories/case-studies'

// The factory's titles and slugs carry a random part; it must never read as personal data, or the
// tests that publish factory case studies fail at random (hex such as "c1a8da" read as a postcode).
test('no factory case study title is taken for personal data', () => {
  const flagged = Array.from({ length: 5000 }, () => buildCaseStudy().title).filter(
    (title) => scanText('title', title).length > 0,
  )
  expect(flagged).toEqual([])
})
