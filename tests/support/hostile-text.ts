import fc from 'fast-check'

/**
 * Text as an administrator, a respondent or the search engine might hand a template: anything,
 * and the strings that break markup written by hand (tags, quotes, ampersands, a comment, curly
 * quotes and accents).
 */
export const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '<script>alert(1)</script>',
    `"'&<>`,
    'Speech & language',
    '‘quoted’ — é',
    '<!-- -->',
  ),
)
