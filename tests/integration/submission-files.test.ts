import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
  attachFile,
  cleanFileName,
  listFiles,
  MAX_FILE_BYTES,
  storedFilePath,
  storeUpload,
} from '../../app/submissions/files.server'
import { generateReference } from '../../app/submissions/reference'
import { parseEnv, type Env } from '../../app/utils/env.server'
import { insertCall, insertCompleteDraft, insertSchool } from '../../seeds/factories/submissions'
import { createTestServices, type TestServices } from '../setup/test-database'

let services: TestServices
let env: Env
let dir: string

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)
const pdf = (n: number) => Buffer.from(`%PDF-1.4\n% evaluation ${n}\n%%EOF\n`)

beforeAll(async () => {
  services = await createTestServices()
  dir = await mkdtemp(path.join(tmpdir(), 'iip-uploads-'))
  env = parseEnv({ DATA_DIR: dir })
})
afterAll(async () => {
  await services.cleanUp()
  await rm(dir, { recursive: true, force: true })
})

test('a PNG is stored once, outside the web root, named by its SHA-256', async () => {
  const stored = await storeUpload(env, png)
  expect(stored).toMatchObject({ ok: true, mediaType: 'image/png', size: png.byteLength })
  if (!stored.ok) return
  expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/)
  const onDisk = storedFilePath(env, stored.sha256)
  expect(onDisk.startsWith(path.join(dir, 'uploads'))).toBe(true)
  expect(await readFile(onDisk)).toEqual(png)
})

test('the type comes from the bytes: a text file named .pdf is refused', async () => {
  const disguised = Buffer.from('<script>alert(1)</script> this is not a PDF')
  expect(await storeUpload(env, disguised)).toEqual({ ok: false, problem: 'wrong-type' })
  // An executable renamed to .png is refused too.
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)])
  expect(await storeUpload(env, elf)).toEqual({ ok: false, problem: 'wrong-type' })
})

test('an empty file and a file over 10MB are refused', async () => {
  expect(await storeUpload(env, Buffer.alloc(0))).toEqual({ ok: false, problem: 'empty' })
  const big = Buffer.concat([pdf(0), Buffer.alloc(MAX_FILE_BYTES)])
  expect(await storeUpload(env, big)).toEqual({ ok: false, problem: 'too-large' })
})

test('a response holds at most five files, and the same file twice is kept once', async () => {
  const call = await insertCall(services.db)
  const urn = await insertSchool(services.db)
  const { id } = await insertCompleteDraft(services.db, {
    callId: call.id,
    reference: generateReference(),
    urn,
    email: 'files@oak.sch.uk',
  })
  for (let n = 1; n <= 5; n++) {
    const stored = await storeUpload(env, pdf(n))
    if (!stored.ok) throw new Error('expected a PDF')
    const file = {
      fileName: `evaluation-${n}.pdf`,
      mediaType: stored.mediaType,
      sha256: stored.sha256,
      size: stored.size,
    }
    expect(await attachFile(services.db, id, file)).toBe('ok')
    if (n === 1) expect(await attachFile(services.db, id, file)).toBe('ok')
  }
  expect(await listFiles(services.db, id)).toHaveLength(5)
  const sixth = await storeUpload(env, pdf(6))
  if (!sixth.ok) throw new Error('expected a PDF')
  expect(
    await attachFile(services.db, id, {
      fileName: 'six.pdf',
      mediaType: sixth.mediaType,
      sha256: sixth.sha256,
      size: sixth.size,
    }),
  ).toBe('too-many')
})

test('file names lose paths and control characters', () => {
  expect(cleanFileName('../../etc/passwd')).toBe('passwd')
  expect(cleanFileName('C:\\Users\\x\\report".pdf')).toBe('report.pdf')
  expect(cleanFileName('a\u0000b\nc.pdf')).toBe('abc.pdf')
  expect(cleanFileName('')).toBe('file')
})
