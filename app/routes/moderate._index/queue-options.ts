import { regions } from '~/reference/regions'

export type QueueFilter = 'call' | 'practice' | 'need' | 'phase' | 'region'
export type QueueOptions = Record<QueueFilter, { value: string; label: string }[]>

/** The choices each queue filter offers: the calls, the taxonomy's terms and the regions. */
export function queueOptions(
  terms: { scheme: string; code: string; label: string }[],
  calls: { id: string; title: string }[],
): QueueOptions {
  const scheme = (name: string) =>
    terms.filter((t) => t.scheme === name).map((t) => ({ value: t.code, label: t.label }))
  return {
    call: calls.map((c) => ({ value: c.id, label: c.title })),
    practice: scheme('practice'),
    need: scheme('need'),
    phase: scheme('phase'),
    region: regions.map((r) => ({ value: r.code, label: r.name })),
  }
}

/** A value not on its list is ignored rather than refused: the URL may be old or edited. */
export function chosenFilters(options: QueueOptions, url: URL): Record<QueueFilter, string> {
  return Object.fromEntries(
    (Object.keys(options) as QueueFilter[]).map((key) => {
      const value = url.searchParams.get(key) ?? ''
      return [key, options[key].some((o) => o.value === value) ? value : '']
    }),
  ) as Record<QueueFilter, string>
}
