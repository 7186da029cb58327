import { z } from 'zod'

// A backup is one tar file: each table's COPY text (gzipped) under database/, each uploaded file
// under files/ by its SHA-256, the session secret when DATA_DIR held it, and this manifest last,
// so that the backup is written in one pass. Restore reads it all once to check every checksum
// before it changes anything, then again to load.

export const MANIFEST_ENTRY = 'manifest.json'
export const SESSION_SECRET_ENTRY = 'data-dir/session-secret'
export const tableEntry = (table: string) => `database/${table}.copy.gz`
export const fileEntry = (sha256: string) => `files/${sha256}`

const sha256 = z.string().regex(/^[0-9a-f]{64}$/)
const identifier = z.string().regex(/^[a-z_][a-z0-9_]*$/)

export const manifestSchema = z.object({
  format: z.literal('inclusion-in-practice-backup'),
  formatVersion: z.literal(1),
  createdAt: z.string().datetime(),
  /** The latest migration the backed-up database had run. */
  schemaVersion: z.string().min(1),
  /** graphile-worker's own migration number, or null if its schema was not there. */
  jobQueueSchemaVersion: z.number().int().nullable(),
  postgresVersion: z.string(),
  tables: z.array(
    z.object({
      name: z.string().regex(/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/),
      columns: z.array(identifier).min(1),
      rows: z.number().int().nonnegative(),
      /** Of the uncompressed COPY text. */
      bytes: z.number().int().nonnegative(),
      sha256,
    }),
  ),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string().regex(/^-?\d+$/) })),
  files: z.array(z.object({ sha256, bytes: z.number().int().nonnegative() })),
  /** Files the database refers to that were not in the uploads folder when the backup ran. */
  missingFiles: z.array(sha256),
  sessionSecret: z.object({
    /** Present when the secret came from DATA_DIR (not SESSION_SECRET): two-factor secrets need it. */
    sha256: sha256.nullable(),
    /** An HMAC of the secret in use, to tell at restore whether the target uses the same one. */
    fingerprint: sha256,
  }),
})

export type Manifest = z.infer<typeof manifestSchema>

export function parseManifest(text: string): Manifest {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new Error('The backup’s manifest is not valid JSON; the file is damaged')
  }
  const parsed = manifestSchema.safeParse(json)
  if (!parsed.success)
    throw new Error(
      `The backup’s manifest is not one this version understands (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`,
    )
  return parsed.data
}
