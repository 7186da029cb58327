import type { LoaderFunctionArgs } from '@remix-run/node'
import { pingDatabase } from '~/db.server'
import { outboxBacklog } from '~/search.server'

async function check<T>(
  probe: () => Promise<T>,
  timeoutMs = 2000,
): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  let timer: NodeJS.Timeout | undefined
  try {
    const value = await Promise.race([
      probe(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
      }),
    ])
    return { ok: true, value }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  } finally {
    clearTimeout(timer)
  }
}

export async function loader({ context }: LoaderFunctionArgs) {
  const { db, search } = context.services
  const [database, searchHealth, outbox] = await Promise.all([
    check(() => pingDatabase(db)),
    check(() => search.client.health()),
    check(() => outboxBacklog(db)),
  ])
  const healthy = database.ok && searchHealth.ok
  const body = {
    status: healthy ? 'ok' : 'unavailable',
    postgres: database.ok ? { status: 'up' } : { status: 'down', error: database.error },
    search: searchHealth.ok ? { status: 'up' } : { status: 'down', error: searchHealth.error },
    outbox: outbox.ok
      ? { status: 'ok', ...outbox.value }
      : { status: 'unknown', error: outbox.error },
  }
  return new Response(JSON.stringify(body, null, 2), {
    status: healthy ? 200 : 503,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}
