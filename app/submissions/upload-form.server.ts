import {
  unstable_composeUploadHandlers as composeUploadHandlers,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  type UploadHandler,
} from '@remix-run/node'
import { MAX_FILE_BYTES } from './files.server'

export interface ParsedUpload {
  formData: FormData
  file: { name: string; bytes: Uint8Array } | { name: string; tooLarge: true } | null
}

/**
 * Reads a multipart form with one file field called `file`. The whole body is always read (an
 * oversized file is counted and dropped, not half-read), so the browser gets a proper answer
 * rather than a reset connection.
 */
export async function parseUploadForm(request: Request): Promise<ParsedUpload> {
  let file: ParsedUpload['file'] = null
  const fileHandler: UploadHandler = async ({ name, filename, data }) => {
    if (!filename) return undefined
    const chunks: Uint8Array[] = []
    let size = 0
    for await (const chunk of data) {
      size += chunk.byteLength
      if (size <= MAX_FILE_BYTES) chunks.push(chunk)
    }
    if (name !== 'file' || file) return null
    if (size === 0) {
      file = null
      return null
    }
    file =
      size > MAX_FILE_BYTES
        ? { name: filename, tooLarge: true }
        : { name: filename, bytes: Buffer.concat(chunks) }
    return null
  }
  const formData = await parseMultipartFormData(
    request,
    composeUploadHandlers(fileHandler, createMemoryUploadHandler({ maxPartSize: 64 * 1024 })),
  )
  return { formData, file }
}
