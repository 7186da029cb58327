import { findIdentifiers, type PersonalDataKind } from '../submissions/personal-data'

// The last guard at the public boundary. Whatever the moderation steps before it did, nothing
// leaves for a public surface (the search index, the library page, the public API, a
// publication-audience export) while it holds a check-digit-valid pupil identifier. With those
// steps right it never fires.

export interface BoundaryFinding {
  /** Where in the document: `summary`, `measures.0.before`… */
  path: string
  kind: PersonalDataKind
}

/** Every identifier in every string of a document about to leave, however deeply nested. */
export function identifiersIn(value: unknown, path = ''): BoundaryFinding[] {
  if (typeof value === 'string')
    return findIdentifiers(value).map((f) => ({ path: path || 'value', kind: f.kind }))
  if (Array.isArray(value)) return value.flatMap((v, i) => identifiersIn(v, `${path}.${i}`))
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, v]) =>
      identifiersIn(v, path ? `${path}.${key}` : key),
    )
  return []
}
