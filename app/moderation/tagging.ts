// The tagging schemes a moderator codes a case study against, and the shape of their options.
export const codedSchemes = ['practice', 'need', 'phase', 'setting', 'outcome'] as const

export type TagOptions = Record<
  (typeof codedSchemes)[number],
  { code: string; label: string; group: string | null }[]
>
