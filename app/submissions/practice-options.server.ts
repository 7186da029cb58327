import type { Kysely } from 'kysely'
import { listTaxonomyTerms } from '../../db/repositories/taxonomy'
import type { DB } from '../../db/types'
import type { PracticeCodes } from './practice.schema'

export interface Option {
  code: string
  label: string
}

export interface PracticeOptions {
  practice: Option[]
  /** Needs grouped under the broad areas of need, as the census groups them. */
  needGroups: { code: string; label: string; needs: Option[] }[]
  phase: Option[]
}

/** The terms a respondent can choose (retired terms cannot be chosen for new responses). */
export async function loadPracticeOptions(db: Kysely<DB>): Promise<PracticeOptions> {
  const terms = (await listTaxonomyTerms(db)).filter((t) => !t.retiredAt)
  const of = (scheme: string) =>
    terms.filter((t) => t.scheme === scheme).map((t) => ({ code: t.code, label: t.label }))
  return {
    practice: of('practice'),
    needGroups: of('need_area').map((area) => ({
      ...area,
      needs: terms
        .filter((t) => t.scheme === 'need' && t.parentCode === area.code)
        .map((t) => ({ code: t.code, label: t.label })),
    })),
    phase: of('phase'),
  }
}

export function practiceCodes(options: PracticeOptions): PracticeCodes {
  return {
    practice: options.practice.map((o) => o.code),
    need: options.needGroups.flatMap((g) => g.needs.map((n) => n.code)),
    phase: options.phase.map((o) => o.code),
  }
}

export function labelOf(options: PracticeOptions, code: string): string {
  const all = [...options.practice, ...options.phase, ...options.needGroups.flatMap((g) => g.needs)]
  return all.find((o) => o.code === code)?.label ?? code
}
