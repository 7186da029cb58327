import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/types'
import { taxonomySchemes, taxonomyTerms } from './data/taxonomy'

/**
 * Adds any scheme or term that is missing. Existing terms are left as they are, so that an
 * administrator's renames and retirements survive every later start.
 */
export async function seedTaxonomy(db: Kysely<DB>): Promise<{ added: number }> {
  await db
    .insertInto('taxonomy_schemes')
    .values(
      taxonomySchemes.map((s) => ({ code: s.code, name: s.name, description: s.description })),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .execute()
  const positions = new Map<string, number>()
  const added = await db
    .insertInto('taxonomy_terms')
    .values(
      taxonomyTerms.map((term) => {
        const position = positions.get(term.scheme) ?? 0
        positions.set(term.scheme, position + 1)
        return {
          scheme_code: term.scheme,
          code: term.code,
          label: term.label,
          description: term.description,
          position,
        }
      }),
    )
    .onConflict((oc) => oc.columns(['scheme_code', 'code']).doNothing())
    .returning('id')
    .execute()
  // Parents are linked by code once every term exists (a need's parent is a need_area term).
  for (const term of taxonomyTerms.filter((t) => t.parent)) {
    await db
      .updateTable('taxonomy_terms as t')
      .set({
        parent_id: sql`(SELECT p.id FROM taxonomy_terms p WHERE p.code = ${term.parent} AND p.scheme_code = ${term.scheme === 'need' ? 'need_area' : term.scheme})`,
      })
      .where('t.scheme_code', '=', term.scheme)
      .where('t.code', '=', term.code)
      .where('t.parent_id', 'is', null)
      .execute()
  }
  return { added: added.length }
}
