// Inter-coder agreement for double coding. Each (submission, term) pair is one yes/no decision
// by each coder; agreement is the share of decisions that match, and Cohen's kappa corrects it
// for the agreement two coders would reach by chance given how often each says yes.

export interface CodedPair {
  first: readonly string[]
  second: readonly string[]
}

export interface Agreement {
  decisions: number
  /** 0 to 100. */
  percent: number
  /** -1 to 1; null when there is nothing to compare. */
  kappa: number | null
}

export function agreement(pairs: readonly CodedPair[], terms: readonly string[]): Agreement {
  let bothYes = 0
  let firstOnly = 0
  let secondOnly = 0
  let bothNo = 0
  for (const pair of pairs) {
    const first = new Set(pair.first)
    const second = new Set(pair.second)
    for (const term of terms) {
      const a = first.has(term)
      const b = second.has(term)
      if (a && b) bothYes++
      else if (a) firstOnly++
      else if (b) secondOnly++
      else bothNo++
    }
  }
  const n = bothYes + firstOnly + secondOnly + bothNo
  if (n === 0) return { decisions: 0, percent: 0, kappa: null }
  const observed = (bothYes + bothNo) / n
  const firstYes = (bothYes + firstOnly) / n
  const secondYes = (bothYes + secondOnly) / n
  const chance = firstYes * secondYes + (1 - firstYes) * (1 - secondYes)
  const kappa = chance === 1 ? 1 : (observed - chance) / (1 - chance)
  return {
    decisions: n,
    percent: Math.round(observed * 1000) / 10,
    kappa: Math.round(kappa * 1000) / 1000,
  }
}
