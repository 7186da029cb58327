export interface Segment {
  text: string
  marked: boolean
}

/** Splits text so that every occurrence of the given phrases can be shown marked. */
export function highlight(text: string, phrases: readonly string[]): Segment[] {
  const wanted = [...new Set(phrases.filter((p) => p.length > 0))].sort(
    (a, b) => b.length - a.length,
  )
  if (wanted.length === 0 || !text) return [{ text, marked: false }]
  const pattern = new RegExp(
    `(${wanted.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
    'g',
  )
  return text
    .split(pattern)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, marked: wanted.includes(part) }))
}
