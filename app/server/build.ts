import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, readdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')
const buildDir = path.join(root, 'build')
const stampFile = path.join(buildDir, 'source-hash.txt')
// What the Remix build is made from (never seeds/: no module of the app imports demo data). A
// change to any of it makes `npm start` rebuild.
const sources = ['app', 'db', 'search', 'vite.config.ts', 'package-lock.json', 'tsconfig.json']

async function filesUnder(entry: string): Promise<string[]> {
  const full = path.join(root, entry)
  if (!existsSync(full)) return []
  if (!(await stat(full)).isDirectory()) return [full]
  const entries = await readdir(full, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
}

export async function sourceHash(): Promise<string> {
  const hash = createHash('sha256')
  const files = (await Promise.all(sources.map(filesUnder))).flat().sort()
  for (const file of files) {
    const info = await stat(file)
    hash.update(`${path.relative(root, file)}:${info.size}:${info.mtimeMs}\n`)
  }
  return hash.digest('hex')
}

/** Builds the app unless the build on disk was made from the current sources. */
export async function ensureBuild(log: (message: string) => void): Promise<string> {
  const serverBuild = path.join(buildDir, 'server', 'index.js')
  const wanted = await sourceHash()
  const current = existsSync(stampFile) ? (await readFile(stampFile, 'utf8')).trim() : null
  if (existsSync(serverBuild) && current === wanted) return serverBuild
  log(
    existsSync(serverBuild)
      ? 'Sources changed since the last build; rebuilding…'
      : 'Building the app (first start)…',
  )
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(root, 'node_modules', '@remix-run', 'dev', 'dist', 'cli.js'), 'vite:build'],
      {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    )
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`The build failed (exit code ${code})`)),
    )
  })
  await writeFile(stampFile, wanted)
  return serverBuild
}
