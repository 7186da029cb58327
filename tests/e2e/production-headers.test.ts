import { afterAll, beforeAll, expect, test } from 'vitest'
import type { AppProcess } from '../setup/app-process'
import { startAppOnFreshDatabase } from '../setup/test-database'
import { notifyTestEnv } from '../support/notify'

// In production (NODE_ENV=production) the app asks browsers for HTTPS from then on (HSTS),
// upgrades any plain-HTTP request a page makes, and marks its cookies Secure.
let app: AppProcess
beforeAll(async () => {
  ;({ app } = await startAppOnFreshDatabase('prod', {
    env: {
      NODE_ENV: 'production',
      SUPPORT_EMAIL: 'help@service.example.org',
      PUBLIC_BASE_URL: 'https://inclusion-in-practice.example',
      ...notifyTestEnv,
    },
  }))
})
afterAll(() => app?.stop())

test('production answers with HSTS, upgrade-insecure-requests and Secure cookies', async () => {
  const response = await fetch(`${app.baseUrl}/sign-in`)
  expect(response.status).toBe(200)
  expect(response.headers.get('strict-transport-security')).toBe(
    'max-age=31536000; includeSubDomains',
  )
  const policy = response.headers.get('content-security-policy')!
  expect(policy).toContain('upgrade-insecure-requests')
  expect(policy).toContain("frame-ancestors 'none'")
  const cookies = response.headers.getSetCookie()
  expect(cookies.length).toBeGreaterThan(0)
  for (const cookie of cookies) expect(cookie, cookie.split('=')[0]).toMatch(/;\s*Secure/i)
})
