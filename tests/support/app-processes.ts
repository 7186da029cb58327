import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

// What a platform started by `npm start` runs, found from /proc: its launcher and the embedded
// servers inherit DATA_DIR or name the data folder on their command line, and Postgres's backends
// and helpers are the postmaster's children. Used by the fault tests to kill one server, or to
// check that nothing was left behind.

export interface RunningProcess {
  pid: number
  /** When it started (clock ticks since boot): with the pid, tells it from a later process. */
  startedAt: string
  command: string
}

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8').replaceAll('\0', ' ')
  } catch {
    return ''
  }
}

/** The fields of /proc/<pid>/stat after the command name: state, ppid, … starttime. */
const statOf = (pid: number) =>
  read(`/proc/${pid}/stat`)
    .replace(/^.*\) /s, '')
    .split(' ')

/** Every live process that belongs to the platform running from `dataDir`. */
export function processesOf(dataDir: string): RunningProcess[] {
  const all = new Map<number, RunningProcess & { ppid: number }>()
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid) || pid === process.pid) continue
    const command = read(`/proc/${pid}/cmdline`).trim()
    // A zombie has no command line and holds nothing; it is its parent's to reap.
    if (command === '') continue
    const stat = statOf(pid)
    all.set(pid, { pid, command, ppid: Number(stat[1]), startedAt: stat[19] ?? '' })
  }
  const found = new Set(
    [...all.values()]
      .filter(
        (p) => p.command.includes(dataDir) || read(`/proc/${p.pid}/environ`).includes(dataDir),
      )
      .map((p) => p.pid),
  )
  for (let grew = true; grew;) {
    grew = false
    for (const p of all.values())
      if (!found.has(p.pid) && found.has(p.ppid)) grew = Boolean(found.add(p.pid))
  }
  return [...found].map((pid) => {
    const { ppid: _, ...p } = all.get(pid)!
    return p
  })
}

/** Those of `processes` still running (the same processes, not later ones given their pids). */
export function stillRunning(processes: RunningProcess[]): RunningProcess[] {
  return processes.filter(
    (p) => read(`/proc/${p.pid}/cmdline`) !== '' && statOf(p.pid)[19] === p.startedAt,
  )
}

/** The embedded Postgres server's (postmaster's) process id, from its lock file. */
export function postmasterPid(dataDir: string): number {
  const lockFile = read(path.join(dataDir, 'postgres', 'postmaster.pid'))
  const pid = Number(lockFile.split('\n')[0])
  if (!Number.isInteger(pid) || pid <= 1) throw new Error(`No postmaster.pid in ${dataDir}`)
  return pid
}

export function isAlive(pid: number) {
  return read(`/proc/${pid}/cmdline`) !== ''
}
