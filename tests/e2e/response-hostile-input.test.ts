import fc from 'fast-check'
import { beforeAll, expect, inject, test } from 'vitest'
import { demoCallSlug } from '../../seeds/seed'
import { RespondentClient, submitCompleteResponse } from '../support/respondent-client'
import { appDatabaseForFile } from '../support/app-database'

// Random and hostile values thrown at every form action of the response: the answer is a page
// with field errors or a 4xx (or a redirect), never a 500, and nothing already saved changes.

const db = appDatabaseForFile()
const base = `/calls/${demoCallSlug}`

const actions = [
  '',
  '/response/about-you',
  '/response/organisation',
  '/response/school',
  '/response/schools',
  '/response/practice',
  '/response/story',
  '/response/impact',
  '/response/files',
  '/response/consent',
  '/response/check',
  '/response/save',
  '/response/status',
  '/return',
]
const fields = [
  'name',
  'role',
  'email',
  'mayContact',
  'kind',
  'urn',
  'q',
  'add',
  'addTrust',
  'remove',
  'urns',
  'title',
  'practiceTypes',
  'practiceOther',
  'needs',
  'phases',
  'runningFor',
  'pupilsReached',
  'challenge',
  'dayToDay',
  'keyFactors',
  'advice',
  'whatChanged',
  'howYouKnow',
  'measure1Kind',
  'measure1Before',
  'publication',
  'agreeTerms',
  'approverName',
  'intent',
  'returnTo',
  'startToken',
  'formStamp',
  'website',
  'confirm',
  'file',
  '__proto__',
  'constructor',
]
const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE submissions; --",
    'x'.repeat(60_000),
    '\u0000\u202e\ufeff',
    '999999',
    '-1',
    '1e309',
    'NaN',
    'continue',
    'later',
    'check',
    'other',
    '../../etc/passwd',
    '{"$gt":""}',
  ),
)
const form = fc.dictionary(
  fc.constantFrom(...fields),
  fc.oneof(hostile, fc.array(hostile, { maxLength: 4 })),
  {
    maxKeys: 8,
  },
)

let draft: RespondentClient
let sentReference: string

const row = (where: { reference?: string }) =>
  db
    .selectFrom('submissions')
    .select(['status', 'answers', 'original_answers', 'respondent_email', 'submitted_at'])
    .where('reference', '=', where.reference!)
    .executeTakeFirstOrThrow()

beforeAll(async () => {
  const baseUrl = inject('baseUrl')
  const urn = 990001
  const [practice, need, phase] = await Promise.all(
    ['practice', 'need', 'phase'].map(
      async (scheme) =>
        (
          await db
            .selectFrom('taxonomy_terms')
            .select('code')
            .where('scheme_code', '=', scheme)
            .executeTakeFirstOrThrow()
        ).code,
    ),
  )
  sentReference = (
    await submitCompleteResponse(baseUrl, demoCallSlug, {
      email: 'hostile-sent@westwell.sch.uk',
      urn,
      practiceType: practice!,
      need: need!,
      phase: phase!,
    })
  ).reference
  draft = new RespondentClient(baseUrl)
  const start = await draft.get(base)
  const startToken = start.html.match(/name="startToken" value="([^"]*)"/)![1]!
  expect((await draft.post(base, { startToken, website: '' })).status).toBe(302)
})

test('random and hostile form values never cause a server error, on a draft or a sent response', async () => {
  const sentBefore = await row({ reference: sentReference })
  const sent = await submitCompleteResponse(inject('baseUrl'), demoCallSlug, {
    email: 'hostile-sent-2@westwell.sch.uk',
    urn: 990001,
    practiceType: (sentBefore.original_answers as { practice: { practiceTypes: string[] } })
      .practice.practiceTypes[0]!,
    need: (sentBefore.original_answers as { practice: { needs: string[] } }).practice.needs[0]!,
    phase: (sentBefore.original_answers as { practice: { phases: string[] } }).practice.phases[0]!,
  })
  const sentRowBefore = await row({ reference: sent.reference })
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...actions),
      form,
      fc.boolean(),
      async (action, values, onSentResponse) => {
        const client = onSentResponse ? sent.client : draft
        const result = await client.post(
          `${base}${action}`,
          values as Record<string, string | string[]>,
        )
        expect([200, 302, 400, 403, 404, 405, 410, 429]).toContain(result.status)
      },
    ),
    { numRuns: 250 },
  )
  // A sent response's answers, status and time are exactly as they were.
  expect(await row({ reference: sent.reference })).toEqual(sentRowBefore)
  // The draft's pages all still open.
  for (const page of ['/response', '/response/about-you', '/response/practice', '/response/check'])
    expect((await draft.get(`${base}${page}`)).status).toBe(200)
})

test('a form sent without its CSRF token is refused and changes nothing', async () => {
  const before = await db
    .selectFrom('submissions')
    .select(['reference', 'answers', 'respondent_name'])
    .orderBy('updated_at', 'desc')
    .limit(5)
    .execute()
  const token = draft.csrf
  draft.csrf = ''
  try {
    for (const action of actions.slice(1)) {
      const result = await draft.post(`${base}${action}`, {
        name: 'Changed',
        title: 'Changed',
        intent: 'continue',
      })
      expect(result.status).toBe(403)
    }
  } finally {
    draft.csrf = token
  }
  const after = await db
    .selectFrom('submissions')
    .select(['reference', 'answers', 'respondent_name'])
    .where(
      'reference',
      'in',
      before.map((b) => b.reference),
    )
    .orderBy('updated_at', 'desc')
    .execute()
  expect(after).toEqual(before)
})

test('a bot that fills the honeypot cannot start a response', async () => {
  const bot = new RespondentClient(inject('baseUrl'))
  const start = await bot.get(base)
  const startToken = start.html.match(/name="startToken" value="([^"]*)"/)![1]!
  const result = await bot.post(base, { startToken, website: 'http://spam.example' })
  expect(result.status).toBe(400)
  expect(
    await db.selectFrom('submissions').select('id').where('start_token', '=', startToken).execute(),
  ).toEqual([])
})

test('one browser may start 10 responses an hour; the 11th gets a 429 with Retry-After, and another browser is not held back', async () => {
  const start = async (client: RespondentClient) => {
    const page = await client.get(base)
    const startToken = page.html.match(/name="startToken" value="([^"]*)"/)![1]!
    const response = await fetch(`${inject('baseUrl')}${base}`, {
      method: 'POST',
      headers: { Cookie: client.jar.header(), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: client.csrf, startToken, website: '' }),
      redirect: 'manual',
    })
    if (response.status === 429) expect(await response.text()).toContain('Too many attempts')
    return response
  }
  const eager = new RespondentClient(inject('baseUrl'))
  const statuses: number[] = []
  let last: Response | undefined
  for (let i = 0; i < 11; i++) {
    last = await start(eager)
    statuses.push(last.status)
  }
  expect(statuses).toEqual([...Array(10).fill(302), 429])
  expect(Number(last!.headers.get('Retry-After'))).toBeGreaterThan(0)
  expect((await start(new RespondentClient(inject('baseUrl')))).status).toBe(302)
})

test('return-link requests are limited per address asked about, with Retry-After', async () => {
  const client = new RespondentClient(inject('baseUrl'))
  const page = await client.get(`${base}/return`)
  const formStamp = page.html.match(/name="formStamp" value="([^"]*)"/)![1]!
  const email = `limited-${Date.now()}@westwell.sch.uk`
  const statuses: number[] = []
  let retryAfter: string | null = null
  for (let i = 0; i < 6; i++) {
    const response = await fetch(`${inject('baseUrl')}${base}/return`, {
      method: 'POST',
      headers: { Cookie: client.jar.header(), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: client.csrf, email, formStamp, website: '' }),
      redirect: 'manual',
    })
    statuses.push(response.status)
    retryAfter = response.headers.get('Retry-After')
    if (response.status === 429) expect(await response.text()).toContain('Too many attempts')
  }
  expect(statuses).toEqual([302, 302, 302, 302, 302, 429])
  expect(Number(retryAfter)).toBeGreaterThan(0)
  // Another address from the same network is not held back.
  const other = await fetch(`${inject('baseUrl')}${base}/return`, {
    method: 'POST',
    headers: { Cookie: client.jar.header(), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      csrf: client.csrf,
      email: `other-${email}`,
      formStamp,
      website: '',
    }),
    redirect: 'manual',
  })
  expect(other.status).toBe(302)
})

test('a file over 10MB is refused with a clear message, and the whole upload is read first', async () => {
  const body = new FormData()
  body.set('csrf', draft.csrf)
  body.set('intent', 'upload')
  const big = new Uint8Array(10 * 1024 * 1024 + 1)
  big.set(Buffer.from('%PDF-1.4\n'))
  body.set('file', new Blob([big], { type: 'application/pdf' }), 'evaluation.pdf')
  const response = await fetch(`${inject('baseUrl')}${base}/response/files`, {
    method: 'POST',
    headers: { Cookie: draft.jar.header() },
    body,
    redirect: 'manual',
  })
  expect(response.status).toBe(400)
  expect(await response.text()).toContain('The selected file must be smaller than 10MB')
})
