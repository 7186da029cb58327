import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** Reads a secret kept under the data directory, creating it (mode 600) on first use. */
export async function readOrCreateSecret(file: string, bytes = 32): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim()
  await mkdir(path.dirname(file), { recursive: true })
  const secret = randomBytes(bytes).toString('base64url')
  await writeFile(file, `${secret}\n`, { mode: 0o600 })
  return secret
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
  } catch {
    return ''
  }
}

/**
 * A server left running by a process that was killed outright (SIGKILL, a closed terminal) still
 * holds its data directory. Stop it, but only if it really is that server for that directory.
 */
export async function stopOrphan(pid: number, mustMention: string[]): Promise<boolean> {
  if (!Number.isInteger(pid) || pid <= 1 || !isProcessAlive(pid)) return false
  const commandLine = commandLineOf(pid)
  if (!mustMention.every((part) => commandLine.includes(part))) return false
  process.kill(pid, 'SIGINT')
  for (let waited = 0; waited < 15_000; waited += 100) {
    if (!isProcessAlive(pid)) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  process.kill(pid, 'SIGKILL')
  return true
}
