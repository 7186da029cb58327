import { createHash } from 'node:crypto'
import { Transform } from 'node:stream'
import type postgres from 'postgres'

// What a backup copies from Postgres, read from the catalogue rather than listed by hand, so a
// table added by a later migration is backed up without anyone remembering to add it here.

type Sql = postgres.Sql | postgres.TransactionSql

/** The application's tables and graphile-worker's job queue (pending emails are data too). */
export const BACKED_UP_SCHEMAS = ['public', 'graphile_worker']

/** Recreated on restore by the migrations themselves, ours and graphile-worker's. */
const MIGRATION_TABLES = [
  'public.kysely_migration',
  'public.kysely_migration_lock',
  'graphile_worker.migrations',
]

export interface TableSpec {
  /** `schema.table` */
  name: string
  /** Every stored column (generated ones are recomputed), in the table's order. */
  columns: string[]
}

/** A table as the catalogue of the database at hand describes it. */
export interface CatalogTable extends TableSpec {
  /** Primary key columns, each `COLLATE "C"` where collatable: an order every database agrees on. */
  orderBy: string[]
}

interface CatalogRow extends CatalogTable {
  oid: number
  /** Tables this one's foreign keys point to. */
  references: number[]
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`
const quoteName = (qualified: string) => {
  const [schema, table] = qualified.split('.') as [string, string]
  return `${quoteIdent(schema)}.${quoteIdent(table)}`
}

/**
 * Settings that fix how COPY writes values as text (dates, intervals, floats, bytes), so the same
 * rows give the same bytes, and so the same checksum, on any server.
 */
export async function useCanonicalTextFormat(sql: Sql) {
  await sql`SET LOCAL TIME ZONE 'UTC'`
  await sql`SET LOCAL DateStyle = 'ISO, YMD'`
  await sql`SET LOCAL IntervalStyle = 'postgres'`
  await sql`SET LOCAL extra_float_digits = 1`
  await sql`SET LOCAL bytea_output = 'hex'`
}

/** The backed-up tables in load order: a table comes after every table its foreign keys name. */
export async function listTables(sql: Sql): Promise<CatalogTable[]> {
  const rows = await sql<CatalogRow[]>`
    SELECT c.oid::int AS oid,
      n.nspname || '.' || c.relname AS name,
      ARRAY(
        SELECT a.attname::text FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        ORDER BY a.attnum
      ) AS columns,
      ARRAY(
        SELECT quote_ident(a.attname) || CASE WHEN a.attcollation <> 0 THEN ' COLLATE "C"' ELSE '' END
        FROM pg_index i
        CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE i.indrelid = c.oid AND i.indisprimary
        ORDER BY k.position
      ) AS "orderBy",
      ARRAY(
        SELECT DISTINCT f.confrelid::int FROM pg_constraint f
        WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid
      ) AS "references"
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname = ANY(${BACKED_UP_SCHEMAS})
      AND NOT (n.nspname || '.' || c.relname) = ANY(${MIGRATION_TABLES})
    ORDER BY n.nspname, c.relname`
  return inLoadOrder(rows).map(({ name, columns, orderBy }) => ({ name, columns, orderBy }))
}

function inLoadOrder(tables: CatalogRow[]): CatalogRow[] {
  const byOid = new Map(tables.map((table) => [table.oid, table]))
  const placed = new Set<number>()
  const visiting = new Set<number>()
  const ordered: CatalogRow[] = []
  const visit = (table: CatalogRow) => {
    if (placed.has(table.oid)) return
    if (visiting.has(table.oid))
      throw new Error(`Foreign keys form a cycle through ${table.name}; backups cannot order it`)
    visiting.add(table.oid)
    for (const oid of table.references) {
      const referenced = byOid.get(oid)
      if (referenced) visit(referenced)
    }
    visiting.delete(table.oid)
    placed.add(table.oid)
    ordered.push(table)
  }
  for (const table of tables) visit(table)
  return ordered
}

/**
 * The table's rows as COPY text, in primary-key order (whole-row order for a table without one),
 * reading only the given columns: a backup's, or on restore the manifest's.
 */
export function copyOutQuery(table: TableSpec, orderBy: string[]) {
  const columns = table.columns.map(quoteIdent).join(', ')
  const order = orderBy.length > 0 ? orderBy.join(', ') : 't::text COLLATE "C"'
  return `COPY (SELECT ${columns} FROM ${quoteName(table.name)} AS t ORDER BY ${order}) TO STDOUT`
}

export const copyInQuery = (table: TableSpec) =>
  `COPY ${quoteName(table.name)} (${table.columns.map(quoteIdent).join(', ')}) FROM STDIN`

/**
 * A pass-through stream that hashes COPY text and counts its rows (one line each: COPY escapes
 * newlines inside values), for the manifest and for checking a restore against it.
 */
export function copyDigest() {
  const hash = createHash('sha256')
  let rows = 0
  let bytes = 0
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk)
      bytes += chunk.length
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++
      done(null, chunk)
    },
  })
  return { stream, result: () => ({ rows, bytes, sha256: hash.digest('hex') }) }
}

export interface TableSum {
  rows: number
  bytes: number
  sha256: string
}

/** Streams one table's COPY text through `sink` (if any), returning its row count and checksum. */
export async function copyTableOut(
  tx: postgres.TransactionSql,
  table: TableSpec,
  orderBy: string[],
  sink?: (source: NodeJS.ReadableStream) => Promise<void>,
): Promise<TableSum> {
  const digest = copyDigest()
  const copy = await tx.unsafe(copyOutQuery(table, orderBy)).readable()
  const hashed = copy.pipe(digest.stream)
  if (sink) await sink(hashed)
  else for await (const chunk of hashed) void chunk
  // postgres.js 3.4 can leave the connection's socket paused when the last rows and the end of
  // a COPY arrive together, and the next query then waits for ever (porsager/postgres#499, fix
  // in #1016, unreleased). The stream's read() resumes the socket; calling it once more is
  // harmless when the socket is already flowing.
  ;(copy as unknown as { _read: (size: number) => void })._read(0)
  return digest.result()
}

/**
 * Each table's row count and checksum as a backup records them, read inside `tx` (a snapshot):
 * by default every backed-up table, or the given ones in their backed-up columns.
 */
export async function checksumTables(tx: postgres.TransactionSql, tables?: TableSpec[]) {
  await useCanonicalTextFormat(tx)
  const catalog = new Map((await listTables(tx)).map((table) => [table.name, table]))
  const sums = new Map<string, TableSum>()
  for (const table of tables ?? catalog.values()) {
    const here = catalog.get(table.name)
    if (!here) throw new Error(`There is no table ${table.name} to check`)
    sums.set(table.name, await copyTableOut(tx, table, here.orderBy))
  }
  return sums
}

export interface SequenceValue {
  name: string
  lastValue: string
}

/** Sequences that have handed out values (a table's ids), to set again after a restore. */
export async function readSequences(sql: Sql): Promise<SequenceValue[]> {
  return sql<SequenceValue[]>`
    SELECT schemaname || '.' || sequencename AS name, last_value::text AS "lastValue"
    FROM pg_sequences
    WHERE schemaname = ANY(${BACKED_UP_SCHEMAS}) AND last_value IS NOT NULL
    ORDER BY 1`
}
