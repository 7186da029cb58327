import { createHash, randomBytes } from 'node:crypto'
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileTypeFromBuffer } from 'file-type'
import type { Kysely } from 'kysely'
import {
  countSubmissionFiles,
  deleteSubmissionFile,
  insertSubmissionFile,
  listSubmissionFiles,
} from '../../db/repositories/submission-files'
import { lockEditableSubmission } from '../../db/repositories/submissions'
import type { DB } from '../../db/types'
import type { Env } from '../utils/env.server'

import { MAX_FILE_BYTES, MAX_FILES } from './file-limits'

export { MAX_FILE_BYTES, MAX_FILES }

/** What may be attached, by the type read from the file's bytes (never from its name). */
export const allowedFileTypes: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel spreadsheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'image/jpeg': 'JPEG image',
  'image/png': 'PNG image',
}

export const uploadsDir = (env: Env) =>
  path.resolve(env.UPLOADS_DIR ?? path.join(env.DATA_DIR, 'uploads'))

/** Where a file's bytes live: outside the web root, named by their SHA-256. */
export const storedFilePath = (env: Env, sha256: string) =>
  path.join(uploadsDir(env), sha256.slice(0, 2), sha256)

export type FileProblem = 'empty' | 'too-large' | 'wrong-type' | 'too-many'

export const fileProblemMessages: Record<FileProblem, string> = {
  empty: 'The selected file is empty',
  'too-large': 'The selected file must be smaller than 10MB',
  'wrong-type': 'The selected file must be a PDF, Word, Excel, PowerPoint, JPEG or PNG file',
  'too-many': `You can attach up to ${MAX_FILES} files. Remove one to add another`,
}

/** A file name safe to show and to offer back in a download: no paths, no control characters. */
export function cleanFileName(name: string) {
  const base = name.split(/[\\/]/).pop() ?? ''
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127 && !'"<>|:*?'.includes(c))
    .join('')
    .trim()
    .slice(0, 200)
  return cleaned || 'file'
}

/**
 * Checks an upload's bytes and stores them once, by content hash. Writes to a temporary name
 * first and renames, so a half-written file is never mistaken for a whole one.
 */
export async function storeUpload(env: Env, bytes: Uint8Array) {
  if (bytes.byteLength === 0) return { ok: false as const, problem: 'empty' as const }
  if (bytes.byteLength > MAX_FILE_BYTES)
    return { ok: false as const, problem: 'too-large' as const }
  const detected = await fileTypeFromBuffer(bytes)
  if (!detected || !(detected.mime in allowedFileTypes))
    return { ok: false as const, problem: 'wrong-type' as const }
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const target = storedFilePath(env, sha256)
  const exists = await stat(target).then(
    () => true,
    () => false,
  )
  if (!exists) {
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 })
    const temporary = `${target}.${randomBytes(6).toString('hex')}.part`
    await writeFile(temporary, bytes, { mode: 0o600 })
    await rename(temporary, target)
  }
  return { ok: true as const, mediaType: detected.mime, sha256, size: bytes.byteLength }
}

/** Attaches a stored file to a draft, within the limit of files per response. */
export async function attachFile(
  db: Kysely<DB>,
  submissionId: string,
  file: { fileName: string; mediaType: string; sha256: string; size: number },
): Promise<'ok' | 'too-many'> {
  return db.transaction().execute(async (trx) => {
    // Locking the draft serialises two uploads from two tabs, so the limit holds.
    await lockEditableSubmission(trx, submissionId)
    if ((await countSubmissionFiles(trx, submissionId)) >= MAX_FILES) return 'too-many'
    await insertSubmissionFile(trx, {
      submissionId,
      fileName: cleanFileName(file.fileName),
      mediaType: file.mediaType,
      sizeBytes: file.size,
      sha256: file.sha256,
    })
    return 'ok'
  })
}

export async function listFiles(db: Kysely<DB>, submissionId: string) {
  return listSubmissionFiles(db, submissionId)
}

export async function removeFile(db: Kysely<DB>, submissionId: string, fileId: string) {
  await deleteSubmissionFile(db, submissionId, fileId)
}

/** "2.4MB", "310KB", as GOV.UK writes sizes. */
export function formatFileSize(bytes: number) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)}MB`
  return `${Math.max(1, Math.round(bytes / 1024))}KB`
}

/**
 * Deletes stored files that no submission refers to any more (after retention or erasure); a
 * file already gone is fine. Returns how many were deleted.
 */
export async function deleteStoredFiles(env: Env, sha256s: readonly string[]) {
  let deleted = 0
  for (const sha256 of sha256s) {
    await unlink(storedFilePath(env, sha256)).then(
      () => deleted++,
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error
      },
    )
  }
  return deleted
}
