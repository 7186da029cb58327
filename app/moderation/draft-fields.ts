// The case-study fields a moderator edits, in the order the review page shows them.
export const draftFieldNames = [
  'title',
  'summary',
  'challenge',
  'practice',
  'impact',
  'key_factors',
  'advice',
  'cost_and_resources',
] as const
