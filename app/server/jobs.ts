import { run, type Runner } from 'graphile-worker'
import { quietJobLogger } from '../../db/job-queue'
import { REBUILD_TASK, runRebuild } from '../admin/search-index.server'
import { BACKUP_TASK, backupCrontab, runScheduledBackup } from '../backups/backup.server'
import { SYNONYMS_TASK, applySynonymsToSearch } from '../admin/synonyms.server'
import { RETENTION_TASK, runRetention } from '../data-protection/retention.server'
import { FOLLOW_UP_TASK, runFollowUps } from '../follow-ups/invitations.server'
import { followUpIntervals } from '../follow-ups/schedule'
import { SEND_EMAIL_TASK, type EmailMessage } from '../notifications/email.server'
import { RETRAIN_TASK, trainFromPublished } from '../suggestions/model-store.server'
import { createEmailTransport } from '../notifications/transport.server'
import type { Services } from './services'

/**
 * The background job runner (graphile-worker, on the app's Postgres). A failed job is retried
 * with backoff up to its attempt limit; nothing is lost if the app stops mid-send.
 */
export async function startJobRunner(services: Services): Promise<Runner> {
  const transport = createEmailTransport(services.env)
  const { log } = services
  return run({
    pgPool: services.pgPool,
    concurrency: 2,
    noHandleSignals: true,
    pollInterval: 2000,
    logger: quietJobLogger,
    // Daily at 03:00 UTC; a run missed while no instance was up is made up within a day.
    crontab: [
      `0 3 * * * ${RETENTION_TASK} ?fill=1d`,
      // Follow-up invitations and reminders: often enough that a school hears on the day.
      `*/15 * * * * ${FOLLOW_UP_TASK} ?fill=1h`,
      // Tag suggestions learn from what moderators publish: retrained when the library changed.
      `*/10 * * * * ${RETRAIN_TASK}`,
      ...(services.env.BACKUP_DAILY === 'on' ? [backupCrontab(services.env)] : []),
    ].join('\n'),
    taskList: {
      [REBUILD_TASK]: async (payload) => {
        const { id } = payload as { id: string }
        await runRebuild(services.db, services.search, String(id))
        log.info({ id }, 'search index rebuilt')
      },
      [SYNONYMS_TASK]: async () => {
        const applied = await applySynonymsToSearch(services.db, services.search)
        log.info(applied, 'search synonyms applied')
      },
      [BACKUP_TASK]: async () => {
        const report = await runScheduledBackup(services)
        if (report.missingFiles > 0)
          log.error(
            report,
            'daily backup written, but uploaded files are missing from the uploads folder',
          )
        else log.info(report, 'daily backup written')
      },
      [RETENTION_TASK]: async () => {
        const report = await runRetention(services.db, services.env)
        log.info(report, 'retention ran')
      },
      [FOLLOW_UP_TASK]: async () => {
        const report = await runFollowUps(services.db, {
          intervals: followUpIntervals(services.env),
          baseUrl: services.publicBaseUrl,
          now: services.clock.now(),
        })
        if (report.invited + report.reminded > 0) log.info(report, 'follow-ups sent')
      },
      [RETRAIN_TASK]: async () => {
        const result = await trainFromPublished(services.db)
        if (result.trained) log.info(result, 'tag suggestion model trained')
      },
      [SEND_EMAIL_TASK]: async (payload) => {
        const message = payload as EmailMessage
        try {
          await transport.send(message)
          // Never the address or the body: the reference is enough to find the message.
          log.info({ reference: message.reference, via: transport.kind }, 'email sent')
        } catch (error) {
          log.warn(
            { reference: message.reference, error: String(error) },
            'email not sent; will retry',
          )
          throw error
        }
      },
    },
  })
}
