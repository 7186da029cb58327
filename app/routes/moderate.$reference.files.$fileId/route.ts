import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRole } from '~/accounts/session.server'
import { storedFilePath } from '~/submissions/files.server'
import { findSubmissionFile } from '~/db.server'

/**
 * A respondent's supporting file, for staff only: always a download (never shown inline), typed
 * as it was detected on upload, and with sniffing off (helmet's nosniff header on every response),
 * so a file cannot run as a page here.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ['moderator'])
  const fileId = params.fileId ?? ''
  const file = /^[0-9a-f-]{36}$/.test(fileId)
    ? await findSubmissionFile(context.services.db, params.reference ?? '', fileId)
    : undefined
  const onDisk = file ? storedFilePath(context.services.env, file.sha256) : null
  if (!file || !onDisk || !(await stat(onDisk).catch(() => null))) {
    throw new Response('Not found', { status: 404 })
  }
  const ascii = file.file_name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return new Response(Readable.toWeb(createReadStream(onDisk)) as ReadableStream, {
    headers: {
      'Content-Type': file.media_type,
      'Content-Length': String(file.size_bytes),
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
      'Cache-Control': 'private, no-store',
    },
  })
}
