import { randomUUID } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { NotifyClient } from 'notifications-node-client'
import type { Env } from '../utils/env.server'
import type { EmailMessage } from './email.server'

export interface EmailTransport {
  kind: 'notify' | 'mailbox'
  send: (message: EmailMessage) => Promise<void>
}

export interface StoredEmail extends EmailMessage {
  id: string
  sentAt: string
}

export const mailboxDir = (env: Env) => path.resolve(env.DATA_DIR, 'mailbox')

/**
 * GOV.UK Notify when it is configured (one template whose subject is ((subject)) and whose body
 * is ((body))); otherwise a mailbox folder under DATA_DIR that the development mailbox page reads,
 * so return links work on a laptop with no email account.
 */
export function createEmailTransport(env: Env): EmailTransport {
  if (env.NOTIFY_API_KEY && env.NOTIFY_TEMPLATE_ID) {
    const client = new NotifyClient(env.NOTIFY_BASE_URL, env.NOTIFY_API_KEY)
    const templateId = env.NOTIFY_TEMPLATE_ID
    return {
      kind: 'notify',
      send: async (message) => {
        await client.sendEmail(templateId, message.to, {
          personalisation: { subject: message.subject, body: message.body },
          reference: message.reference,
        })
      },
    }
  }
  const dir = mailboxDir(env)
  return {
    kind: 'mailbox',
    send: async (message) => {
      await mkdir(dir, { recursive: true })
      const sentAt = new Date().toISOString()
      const stored: StoredEmail = { id: randomUUID(), sentAt, ...message }
      await writeFile(
        path.join(dir, `${sentAt.replace(/[:.]/g, '-')}-${stored.id}.json`),
        JSON.stringify(stored, null, 2),
        { mode: 0o600 },
      )
    },
  }
}

/** The newest messages first, for the development mailbox page. */
export async function readMailbox(env: Env, limit = 50): Promise<StoredEmail[]> {
  const dir = mailboxDir(env)
  const names = await readdir(dir).catch(() => [] as string[])
  const newest = names
    .filter((n) => n.endsWith('.json'))
    .sort()
    .reverse()
    .slice(0, limit)
  return Promise.all(
    newest.map(
      async (name) => JSON.parse(await readFile(path.join(dir, name), 'utf8')) as StoredEmail,
    ),
  )
}
