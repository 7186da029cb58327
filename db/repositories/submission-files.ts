import { sql, type Kysely } from 'kysely'
import type { DB } from '../types'

// The records of files attached to responses; the bytes live on disk (app/submissions/files.server.ts).

export async function countSubmissionFiles(db: Kysely<DB>, submissionId: string) {
  const { count } = await db
    .selectFrom('submission_files')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('submission_id', '=', submissionId)
    .executeTakeFirstOrThrow()
  return count
}

/** Records a file on a response; the same file (by hash) attached twice is recorded once. */
export async function insertSubmissionFile(
  db: Kysely<DB>,
  file: {
    submissionId: string
    fileName: string
    mediaType: string
    sizeBytes: number
    sha256: string
  },
) {
  await db
    .insertInto('submission_files')
    .values({
      submission_id: file.submissionId,
      file_name: file.fileName,
      media_type: file.mediaType,
      size_bytes: file.sizeBytes,
      sha256: file.sha256,
    })
    .onConflict((oc) => oc.columns(['submission_id', 'sha256']).doNothing())
    .execute()
}

export async function listSubmissionFiles(db: Kysely<DB>, submissionId: string) {
  return db
    .selectFrom('submission_files')
    .select(['id', 'file_name', 'media_type', 'size_bytes', 'sha256', 'created_at'])
    .where('submission_id', '=', submissionId)
    .orderBy('created_at')
    .execute()
}

export async function deleteSubmissionFile(db: Kysely<DB>, submissionId: string, fileId: string) {
  await db
    .deleteFrom('submission_files')
    .where('submission_id', '=', submissionId)
    .where('id', '=', fileId)
    .execute()
}
