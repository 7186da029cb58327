import { connect } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { demoAccounts } from '../../app/accounts/demo-accounts'
import { startAppOnFreshDatabase } from '../setup/test-database'
import type { AppProcess } from '../setup/app-process'

// The app at its most talkative still never writes a password or a token to its logs.
let app: AppProcess
beforeAll(async () => {
  ;({ app } = await startAppOnFreshDatabase('logs', { logLevel: 'trace' }))
})
afterAll(() => app?.stop())

test('signing in and using a session writes structured logs with no password, session token or CSRF token', async () => {
  const account = demoAccounts.find((a) => a.role === 'admin')!
  // Start-up prints the demo accounts on purpose (not in production); only what the requests log counts.
  const before = app.output().length
  const page = await fetch(`${app.baseUrl}/sign-in`)
  const csrfCookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!
  const signIn = await fetch(`${app.baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrf, email: account.email, password: account.password }),
  })
  expect(signIn.status).toBe(302)
  const session = signIn.headers
    .getSetCookie()
    .find((c) => c.startsWith('iip_session='))!
    .split(';')[0]!
  const accountPage = await fetch(`${app.baseUrl}/account`, {
    headers: { cookie: `${csrfCookie}; ${session}` },
  })
  expect(accountPage.status).toBe(200)
  await fetch(`${app.baseUrl}/library?q=${encodeURIComponent('a private search')}`)
  await new Promise((resolve) => setTimeout(resolve, 300))

  const output = app.output().slice(before)
  expect(output).toContain('"msg":"request"')
  expect(output).toContain('"path":"/sign-in"')
  expect(output).not.toContain(account.password)
  expect(output).not.toContain(decodeURIComponent(session.split('=')[1]!))
  expect(output).not.toContain(session.split('=')[1]!)
  expect(output).not.toContain(csrf)
  expect(output).not.toContain('a private search')
})

test('a request whose client goes away before the answer is logged as abandoned, with how long it waited', async () => {
  const before = app.output().length
  const { port, hostname } = new URL(app.baseUrl)
  // A form sent in part: the app waits for the rest, and the client gives up.
  const socket = connect(Number(port), hostname)
  await new Promise((resolve) => socket.once('connect', resolve))
  socket.write(
    'POST /sign-in?email=someone%40example.org HTTP/1.1\r\nHost: localhost\r\n' +
      'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nemail=',
  )
  await new Promise((resolve) => setTimeout(resolve, 300))
  socket.destroy()
  await expect
    .poll(() => app.output().slice(before))
    .toMatch(/"path":"\/sign-in","status":null,"ms":\d+,"abandoned":true,"msg":"request"/)
  expect(app.output().slice(before)).not.toContain('someone')
})
