import type { AppLoadContext } from '@remix-run/node'
import { countPublishedCaseStudies } from '../../db/repositories/case-studies'
import { listTaxonomyTerms } from '../../db/repositories/taxonomy'

// What the home page says about the library: how many case studies are public, and the needs to
// browse by, grouped by area of need. The same for every visitor, so each instance reads it at
// most every SUMMARY_TTL_MS rather than for every view (counting 50,000 case studies and reading
// the taxonomy cost Postgres about 7 ms a view); a change to the taxonomy on this instance shows
// at once, and a newly published case study is counted within the time.

const SUMMARY_TTL_MS = 5_000

export interface HomeSummary {
  published: number
  needAreas: { label: string; needs: { code: string; label: string }[] }[]
}

// Per database handle (tests run several in one process): the summary being read or last read.
const summaries = new WeakMap<object, { at: number; summary: Promise<HomeSummary> }>()

/** After an administrator's change to the taxonomy: the next view reads it again. */
export function forgetHomeSummary(db: object) {
  summaries.delete(db)
}

export function loadHomeSummary(context: AppLoadContext): Promise<HomeSummary> {
  const { db } = context.services
  const kept = summaries.get(db)
  if (kept && performance.now() - kept.at < SUMMARY_TTL_MS) return kept.summary
  const entry = { at: performance.now(), summary: readHomeSummary(context) }
  summaries.set(db, entry)
  // A failed read is not kept: the next view tries again.
  entry.summary.catch(() => {
    if (summaries.get(db) === entry) summaries.delete(db)
  })
  return entry.summary
}

async function readHomeSummary(context: AppLoadContext): Promise<HomeSummary> {
  const { db } = context.services
  const [published, terms] = await Promise.all([
    countPublishedCaseStudies(db),
    listTaxonomyTerms(db),
  ])
  const areas = terms.filter((t) => t.scheme === 'need_area' && !t.retiredAt)
  const needs = terms.filter((t) => t.scheme === 'need' && !t.retiredAt)
  return {
    published,
    needAreas: areas
      .map((area) => ({
        label: area.label,
        needs: needs
          .filter((n) => n.parentCode === area.code)
          .map((n) => ({ code: n.code, label: n.label })),
      }))
      .filter((area) => area.needs.length > 0),
  }
}
