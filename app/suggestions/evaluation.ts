import { agreement, type Agreement } from '../moderation/agreement'

// How well suggested tags match the tags people chose: precision (the share of suggestions that
// were right), recall (the share of the right tags that were suggested), F1 (their harmonic
// mean), and Cohen's kappa over every (item, term) yes/no decision, the same measure the
// double-coding page uses for two moderators, so the two can stand side by side.

export interface Scored {
  /** `scheme:code` tags suggested for one item. */
  suggested: readonly string[]
  /** `scheme:code` tags the person chose for it. */
  chosen: readonly string[]
}

export interface SchemeFigures {
  scheme: string
  items: number
  suggested: number
  chosen: number
  kept: number
  /** null when nothing was suggested (or nothing chosen), rather than a division by zero. */
  precision: number | null
  recall: number | null
  f1: number | null
  kappa: Agreement['kappa']
}

const round3 = (x: number) => Math.round(x * 1000) / 1000

export function precisionRecall(suggested: number, chosen: number, kept: number) {
  const precision = suggested === 0 ? null : kept / suggested
  const recall = chosen === 0 ? null : kept / chosen
  const f1 =
    precision === null || recall === null || precision + recall === 0
      ? null
      : (2 * precision * recall) / (precision + recall)
  return {
    precision: precision === null ? null : round3(precision),
    recall: recall === null ? null : round3(recall),
    f1: f1 === null ? null : round3(f1),
  }
}

/** Figures for one scheme over items; `terms` are the scheme's `scheme:code` tags. */
export function schemeFigures(
  scheme: string,
  items: readonly Scored[],
  terms: readonly string[],
): SchemeFigures {
  const inScheme = (tags: readonly string[]) => tags.filter((t) => t.startsWith(`${scheme}:`))
  let suggested = 0
  let chosen = 0
  let kept = 0
  for (const item of items) {
    const s = new Set(inScheme(item.suggested))
    const c = new Set(inScheme(item.chosen))
    suggested += s.size
    chosen += c.size
    for (const tag of s) if (c.has(tag)) kept++
  }
  const kappa = agreement(
    items.map((i) => ({ first: inScheme(i.chosen), second: inScheme(i.suggested) })),
    terms,
  ).kappa
  return {
    scheme,
    items: items.length,
    suggested,
    chosen,
    kept,
    ...precisionRecall(suggested, chosen, kept),
    kappa,
  }
}
