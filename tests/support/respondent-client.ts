// A respondent without a browser: plain HTTP through the whole call-for-evidence journey, as a
// form-posting client would. Used by the submissions benchmark and by tests of the HTTP layer.

export class CookieJar {
  private cookies = new Map<string, string>()
  store(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';')
      const index = pair.indexOf('=')
      const name = pair.slice(0, index).trim()
      const value = pair.slice(index + 1).trim()
      if (/expires=Thu, 01 Jan 1970/i.test(header) || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }
}

const hidden = (html: string, name: string) =>
  html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1]?.replace(/&amp;/g, '&') ?? ''

export interface StepResult {
  status: number
  location: string | null
  html: string
}

export class RespondentClient {
  readonly jar = new CookieJar()
  csrf = ''
  constructor(readonly baseUrl: string) {}

  async get(path: string): Promise<StepResult> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: { Cookie: this.jar.header() },
      redirect: 'manual',
    })
    this.jar.store(response)
    const html = await response.text()
    this.csrf = hidden(html, 'csrf') || this.csrf
    return { status: response.status, location: response.headers.get('Location'), html }
  }

  async post(
    path: string,
    fields: Record<string, string | readonly string[]>,
  ): Promise<StepResult> {
    const body = new URLSearchParams()
    body.append('csrf', this.csrf)
    for (const [name, value] of Object.entries(fields))
      for (const v of typeof value === 'string' ? [value] : value) body.append(name, v)
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { Cookie: this.jar.header(), 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    })
    this.jar.store(response)
    return {
      status: response.status,
      location: response.headers.get('Location'),
      html: await response.text(),
    }
  }
}

export interface ResponseAnswers {
  email: string
  urn: number
  practiceType: string
  need: string
  phase: string
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')

/** Every section of a complete response, as plain form fields. */
export function completeAnswers(a: ResponseAnswers) {
  return {
    'about-you': { name: 'Sam Lee', role: 'SENCO', email: a.email, mayContact: 'yes' },
    organisation: { kind: 'school', name: '' },
    school: { urn: String(a.urn) },
    practice: {
      title: 'Pupil-led sensory circuits before lessons',
      practiceTypes: [a.practiceType],
      needs: [a.need],
      phases: [a.phase],
      runningFor: '3-5-years',
      pupilsReached: '40',
    },
    story: {
      challenge: `Pupils with sensory needs found the start of the day hard. ${words(40)}`,
      dayToDay: `Every morning a circuit runs in the hall. ${words(60)}`,
      keyFactors: `Training for every teaching assistant. ${words(30)}`,
      advice: `Start small and ask pupils what helps. ${words(20)}`,
    },
    impact: {
      whatChanged: `Lateness fell and pupils settled quickly. ${words(40)}`,
      howYouKnow: 'Attendance records and pupil voice surveys each term.',
      measure1Kind: 'attendance',
      measure1Before: '91%',
      measure1After: '95%',
      measure1Period: '2022 to 2024',
    },
    consent: {
      publication: 'anonymised',
      agreeTerms: 'yes',
      approverName: 'Alex Morgan',
      approverRole: 'Headteacher',
    },
  } as const
}

/**
 * Starts, fills in and sends one response. Returns the reference from the confirmation page, or
 * throws with the step that failed.
 */
export async function submitCompleteResponse(
  baseUrl: string,
  slug: string,
  answers: ResponseAnswers,
) {
  const client = new RespondentClient(baseUrl)
  const base = `/calls/${slug}`
  const expectRedirect = (step: string, result: StepResult) => {
    if (result.status !== 302 && result.status !== 303)
      throw new Error(`${step}: expected a redirect, got ${result.status}`)
  }
  const start = await client.get(base)
  expectRedirect(
    'start',
    await client.post(base, { startToken: hidden(start.html, 'startToken'), website: '' }),
  )
  const fields = completeAnswers(answers)
  const aboutYou = await client.get(`${base}/response/about-you`)
  expectRedirect(
    'about-you',
    await client.post(`${base}/response/about-you`, {
      ...fields['about-you'],
      formStamp: hidden(aboutYou.html, 'formStamp'),
      website: '',
      intent: 'continue',
    }),
  )
  for (const step of ['organisation', 'school', 'practice', 'story', 'impact'] as const)
    expectRedirect(
      step,
      await client.post(`${base}/response/${step}`, { ...fields[step], intent: 'continue' }),
    )
  expectRedirect('files', await client.post(`${base}/response/files`, { intent: 'continue' }))
  expectRedirect(
    'consent',
    await client.post(`${base}/response/consent`, { ...fields.consent, intent: 'continue' }),
  )
  expectRedirect('submit', await client.post(`${base}/response/check`, {}))
  const confirmation = await client.get(`${base}/response/confirmation`)
  const reference = confirmation.html.match(/IIP-[0-9A-Z]{4}-[0-9A-Z]{4}/)?.[0]
  if (!reference) throw new Error(`confirmation: no reference (status ${confirmation.status})`)
  return { reference, client }
}
