import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import tar from 'tar-stream'

// The tar file a backup is: written entry by entry (tar-stream needs each entry's size first),
// and read back as a stream of entries, never unpacked to disk by name.

type Source = Buffer | { size: number; stream: AsyncIterable<Buffer> }

/** Adds one entry, from bytes in memory or a stream of `size` bytes. */
function addEntry(pack: tar.Pack, name: string, source: Source, mtime: Date): Promise<void> {
  const header = { name, mode: 0o600, mtime }
  return new Promise((resolve, reject) => {
    const done = (error?: Error | null) => (error ? reject(error) : resolve())
    if (Buffer.isBuffer(source)) {
      pack.entry({ ...header, size: source.length }, source, done)
      return
    }
    // tar-stream's entries are streamx streams: Node's Writable methods, typed loosely.
    const entry = pack.entry(
      { ...header, size: source.size },
      done,
    ) as unknown as NodeJS.WritableStream
    void (async () => {
      for await (const chunk of source.stream) {
        if (!entry.write(chunk)) await new Promise((resume) => entry.once('drain', resume))
      }
      entry.end()
    })().catch(reject)
  })
}

/**
 * Starts a tar written to `sink`, its entries dated `mtime`; `finish` ends it and waits until
 * it is all written.
 */
export function startPack(sink: NodeJS.WritableStream, mtime: Date) {
  const pack = tar.pack()
  const written = pipeline(pack, sink)
  return {
    add: (name: string, source: Source) => addEntry(pack, name, source, mtime),
    finish: async () => {
      pack.finalize()
      await written
    },
    abort: (error: Error) => pack.destroy(error),
  }
}

/** The file is not a readable tar: cut short, or not a backup at all. */
export class DamagedBackup extends Error {
  override name = 'DamagedBackup'
}

export interface ArchiveEntry {
  name: string
  size: number
  /** The entry's bytes; read it to the end (or not at all: it is drained) before the next. */
  stream: AsyncIterable<Buffer>
}

/**
 * Reads a backup's entries in order, calling `visit` for each; `onBytes` hears how much of the
 * file has been read, for a progress bar.
 */
export async function readArchive(
  file: string,
  visit: (entry: ArchiveEntry) => Promise<void>,
  onBytes: (bytes: number) => void = () => {},
) {
  const extract = tar.extract()
  let read = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      read += chunk.length
      onBytes(read)
      callback(null, chunk)
    },
  })
  const feeding = pipeline(createReadStream(file), counter, extract as never)
  // Its failure also ends the loop below, which reports it; this only keeps it from going unheard.
  feeding.catch(() => undefined)
  try {
    for await (const entry of extract) {
      if (entry.header.type !== 'file')
        throw new DamagedBackup(`it holds ${entry.header.name}, which no backup has`)
      await visit({
        name: entry.header.name,
        size: entry.header.size ?? 0,
        stream: entry as AsyncIterable<Buffer>,
      })
      entry.resume()
    }
    await feeding
  } catch (error) {
    extract.destroy()
    await feeding.catch(() => undefined)
    if (error instanceof Error && /unexpected end|invalid tar|checksum/i.test(error.message))
      throw new DamagedBackup(`it is not a whole tar file (${error.message})`)
    throw error
  }
}
