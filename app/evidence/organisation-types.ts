// What each kind of organisation is called in the evidence outputs (a noun, not the question's
// "A school or college" wording).
export const ORGANISATION_TYPES = [
  { value: 'school', label: 'School or college' },
  { value: 'trust', label: 'Multi-academy trust' },
  { value: 'local-authority', label: 'Local authority' },
  { value: 'local-area', label: 'Local-area SEND partnership' },
  { value: 'other', label: 'Other organisation' },
] as const
