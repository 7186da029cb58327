import { parseCrontab } from 'graphile-worker'
import { expect, test } from 'vitest'
import { BACKUP_TASK, backupCrontab, backupDir } from '../../app/backups/backup.server'
import { ConfigError, parseEnv } from '../../app/utils/env.server'

const problems = (env: Record<string, string>) => {
  try {
    parseEnv(env)
    return []
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as ConfigError).lines
  }
}

test('daily backups are off unless asked for, and then kept seven at a time in DATA_DIR/backups', () => {
  const env = parseEnv({ DATA_DIR: '/srv/iip' })
  expect(env).toMatchObject({ BACKUP_DAILY: 'off', BACKUP_HOUR_UTC: 2, BACKUP_KEEP: 7 })
  expect(backupDir(env)).toBe('/srv/iip/backups')
  expect(backupDir(parseEnv({ BACKUP_DIR: '/mnt/backups' }))).toBe('/mnt/backups')
})

test('a wrong backup setting names the variable and what it expects', () => {
  expect(problems({ BACKUP_DAILY: 'yes' })).toEqual([
    'Configuration error: BACKUP_DAILY must be on or off (got "yes")',
  ])
  expect(problems({ BACKUP_KEEP: '0' })).toEqual([
    'Configuration error: BACKUP_KEEP must be a whole number between 1 and 365 (got "0")',
  ])
  expect(problems({ BACKUP_HOUR_UTC: '24' })).toEqual([
    'Configuration error: BACKUP_HOUR_UTC must be a whole number between 0 and 23 (got "24")',
  ])
})

test('the daily backup is a crontab line graphile-worker reads: at the hour, made up within a day', () => {
  const [item] = parseCrontab(backupCrontab(parseEnv({ BACKUP_DAILY: 'on', BACKUP_HOUR_UTC: '4' })))
  expect(item).toMatchObject({
    task: BACKUP_TASK,
    options: { backfillPeriod: 86_400_000, maxAttempts: 3 },
  })
  expect(item!.match).toBeTypeOf('function')
  const at = (iso: string) => {
    const d = new Date(iso)
    return {
      min: d.getUTCMinutes(),
      hour: d.getUTCHours(),
      date: d.getUTCDate(),
      month: d.getUTCMonth() + 1,
      dow: d.getUTCDay(),
    }
  }
  expect(item!.match(at('2026-05-01T04:00:00Z'))).toBe(true)
  expect(item!.match(at('2026-05-01T02:00:00Z'))).toBe(false)
})
