import { expect, inject, test } from 'vitest'

// Hostile and malformed requests get a clear page, never a 500 and never reflected markup.
const base = () => inject('baseUrl')

async function csrfSession() {
  const page = await fetch(`${base()}/sign-in`)
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const token = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1]
  expect(token).toBeTruthy()
  return { cookie, token: token! }
}

const form = (fields: [string, string][]) => new URLSearchParams(fields).toString()
const post = (path: string, body: string, cookie = '') =>
  fetch(`${base()}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body,
  })

test('a form posted without its CSRF token is refused with a 403 page', async () => {
  const response = await post(
    '/sign-in',
    form([
      ['email', 'moderator@demo.inclusion.test'],
      ['password', 'demo-moderator-2026'],
    ]),
  )
  expect(response.status).toBe(403)
  expect(await response.text()).toContain('Your form could not be sent')
})

test('a CSRF token from another visitor is refused', async () => {
  const mine = await csrfSession()
  const theirs = await csrfSession()
  const response = await post(
    '/sign-in',
    form([
      ['csrf', theirs.token],
      ['email', 'a@b.example'],
      ['password', 'x'],
    ]),
    mine.cookie,
  )
  expect(response.status).toBe(403)
})

test('a script in the search box is shown as text, never run', async () => {
  const html = await (
    await fetch(`${base()}/library?q=${encodeURIComponent('<script>alert(1)</script>')}`)
  ).text()
  expect(html).not.toContain('<script>alert(1)</script>')
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
})

test('a long query, a page that is not a number and an absurd page are handled without an error', async () => {
  const cases: [string, string][] = [
    ['a 4,000-character query', `q=${'a'.repeat(4000)}`],
    ['a page that is not a number', 'page=abc'],
    ['a negative page', 'page=-4'],
    ['a page far past the end', 'page=99999999'],
    ['a repeated query', 'q=autism&q=semh'],
  ]
  for (const [label, query] of cases) {
    const response = await fetch(`${base()}/library?${query}`)
    expect(response.status, label).toBe(200)
  }
})

test('a URL too long for any server is refused by Node before the app, not with an error page', async () => {
  const response = await fetch(`${base()}/library?q=${'a'.repeat(20_000)}`)
  expect(response.status).toBe(431)
})

test('an unknown or malformed case study address is a 404 page, not an error', async () => {
  for (const slug of [
    'no-such-case-study',
    encodeURIComponent('<script>'),
    'a'.repeat(500),
    '..%2F..%2Fetc%2Fpasswd',
  ]) {
    const response = await fetch(`${base()}/library/${slug}`)
    expect(response.status, slug).toBe(404)
  }
})

test('sign-in keeps what was typed (never the password) and says what to fix', async () => {
  const { cookie, token } = await csrfSession()
  const response = await post(
    '/sign-in',
    form([
      ['csrf', token],
      ['email', 'not-an-email'],
      ['password', 'secret-typed-here'],
    ]),
    cookie,
  )
  expect(response.status).toBe(400)
  const html = await response.text()
  expect(html).toContain('<title>Error: Sign in - Inclusion in Practice</title>')
  expect(html).toContain('Enter an email address in the correct format, like name@example.com')
  expect(html).toContain('value="not-an-email"')
  expect(html).not.toContain('secret-typed-here')
})

test('an overlong email and repeated fields get a clear message, not a crash', async () => {
  const { cookie, token } = await csrfSession()
  const long = await post(
    '/sign-in',
    form([
      ['csrf', token],
      ['email', `${'a'.repeat(5000)}@example.com`],
      ['password', 'x'],
    ]),
    cookie,
  )
  expect(long.status).toBe(400)
  expect(await long.text()).toContain('Email address must be 254 characters or fewer')
  const repeated = await post(
    '/sign-in',
    form([
      ['csrf', token],
      ['email', 'a@b.example'],
      ['email', 'c@d.example'],
      ['password', 'x'],
    ]),
    cookie,
  )
  expect(repeated.status).toBe(400)
})

test('after sign-in the return address can only be a page on this site', async () => {
  const { cookie, token } = await csrfSession()
  const response = await post(
    '/sign-in',
    form([
      ['csrf', token],
      ['email', 'admin@demo.inclusion.test'],
      ['password', 'demo-admin-2026'],
      ['returnTo', 'https://evil.example/'],
    ]),
    cookie,
  )
  expect(response.status).toBe(302)
  expect(response.headers.get('location')).toBe('/account')
  const session = response.headers.getSetCookie().find((c) => c.startsWith('iip_session='))
  expect(session).toMatch(/HttpOnly/i)
  expect(session).toMatch(/SameSite=Lax/i)
})

test('state-changing routes do not change state on GET', async () => {
  const response = await fetch(`${base()}/sign-out`, { redirect: 'manual' })
  // Signed out already: sent home; signing out itself needs a POST with a CSRF token.
  expect(response.status).toBe(302)
})

test('repeated failed sign-ins for an address with no account pause it with a 429 and Retry-After, as for an account', async () => {
  const { cookie, token } = await csrfSession()
  const email = `nobody-${Date.now()}@guessing.example`
  const statuses: number[] = []
  let last: Response | undefined
  for (let i = 0; i < 11; i++) {
    last = await post(
      '/sign-in',
      form([
        ['csrf', token],
        ['email', email],
        ['password', `guess number ${i}`],
      ]),
      cookie,
    )
    statuses.push(last.status)
    const page = await last.text()
    if (i === 4) expect(page).toContain('Sign-in for this email address is paused')
  }
  // Paused from the fifth failure, as an account would be; then the per-address limit applies.
  expect(statuses).toEqual([...Array(4).fill(400), ...Array(7).fill(429)])
  expect(Number(last!.headers.get('Retry-After'))).toBeGreaterThan(0)
})
