import type { Kysely } from 'kysely'
import { listTaxonomyTerms } from '../../db/repositories/taxonomy'
import type { DB } from '../../db/types'
import { codedSchemes, type TagOptions } from './tagging'

/** The live terms of each tagging scheme, for tag forms. */
export async function loadTagOptions(db: Kysely<DB>): Promise<TagOptions> {
  const terms = await listTaxonomyTerms(db)
  return Object.fromEntries(
    codedSchemes.map((scheme) => [
      scheme,
      terms
        .filter((t) => t.scheme === scheme && !t.retiredAt)
        .map((t) => ({ code: t.code, label: t.label, group: t.parentCode })),
    ]),
  ) as TagOptions
}

/** Tags posted from a tag form: each scheme's checkboxes, codes of a safe shape only. */
export function readTagForm(formData: FormData) {
  return codedSchemes.flatMap((scheme) =>
    formData
      .getAll(scheme)
      .filter((v): v is string => typeof v === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(v))
      .slice(0, 100)
      .map((code) => ({ scheme, code })),
  )
}
