import getPort from 'get-port'
import { afterAll, expect, test } from 'vitest'
import { startAppProcess, type AppProcess } from '../setup/app-process'
import { postmasterPid, processesOf, stillRunning } from '../support/app-processes'
import { finishWithin } from '../support/deadline'

// Ctrl-C in a terminal, or a service manager stopping `npm start`, signals the whole process
// group: the launcher and its embedded Postgres and Meilisearch at once. The servers stopping
// then were asked to, not crashed: the launcher must restart neither, and nothing of the
// platform may be left running.

let app: AppProcess | undefined

afterAll(async () => {
  await app?.kill()
})

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

test('SIGTERM to the process group of npm start stops every server and restarts none', async () => {
  app = await startAppProcess({
    indexPrefix: 'faults_shutdown_',
    killable: true,
    logLevel: 'info',
    env: {
      EMBEDDED_POSTGRES_PORT: String(await getPort()),
      EMBEDDED_MEILI_PORT: String(await getPort()),
    },
  })
  const { dataDir } = app
  const running = processesOf(dataDir)
  expect(running.map((p) => p.pid)).toContain(postmasterPid(dataDir))
  expect(running.some((p) => p.command.includes('meilisearch'))).toBe(true)
  expect(running.some((p) => p.command.startsWith('postgres: checkpointer'))).toBe(true)

  const before = app.output().length
  const signalled = performance.now()
  process.kill(-app.pid, 'SIGTERM')
  await finishWithin(
    app.exited,
    30_000,
    () => `npm start did not exit within 30 s:\n${app!.output().slice(before)}`,
  )
  const exitedAfter = performance.now() - signalled
  // Servers told by the same signal may still be finishing; none may stay, nor a new one start.
  const leftOver = () => [
    ...new Map([...stillRunning(running), ...processesOf(dataDir)].map((p) => [p.pid, p])).values(),
  ]
  let left = leftOver()
  for (let waited = 0; left.length > 0 && waited < 15_000; waited += 100) {
    await wait(100)
    left = leftOver()
  }
  const after = app.output().slice(before)
  expect(left, after).toEqual([])
  expect(after).not.toMatch(/restart|started again/i)
  console.log(
    `faults: SIGTERM to the process group of npm start (${running.length} processes): exited in ${Math.round(exitedAfter)} ms, no server left running, none restarted.`,
  )
})
