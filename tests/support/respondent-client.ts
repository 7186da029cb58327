import { completeAnswers } from '../../seeds/factories/submissions'

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

  /** Uploads a file to the supporting-files page as the browser's multipart form would. */
  async upload(path: string, file: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> }) {
    const body = new FormData()
    body.set('csrf', this.csrf)
    body.set('intent', 'upload')
    body.set('file', new Blob([file.bytes], { type: file.type }), file.name)
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { Cookie: this.jar.header() },
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

  async post(
    path: string,
    fields: Record<string, string | readonly string[]>,
  ): Promise<StepResult> {
    const body = new URLSearchParams()
    body.append('csrf', this.csrf)
    for (const [name, value] of Object.entries(fields))
      for (const v of typeof value === 'string' ? [value] : value) body.append(name, v)
    const send = () =>
      fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: { Cookie: this.jar.header(), 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
        redirect: 'manual',
      })
    // A keep-alive connection the server has just closed can reset under load before the request
    // is read; sent again on a fresh connection. A server that is down still fails (refused).
    const response = await send().catch((error: Error & { cause?: { code?: string } }) => {
      if (error.cause?.code === 'ECONNRESET') return send()
      throw error
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

/** Every section of a complete response, as plain form fields (the factory's answers). */
export function completeFormAnswers(a: ResponseAnswers) {
  const answers = completeAnswers({ practice: a.practiceType, need: a.need, phase: a.phase }, [
    a.urn,
  ])
  return {
    'about-you': { name: 'Sam Lee', role: 'SENCO', email: a.email, mayContact: 'yes' },
    organisation: { kind: 'school', name: '' },
    school: { urn: String(a.urn) },
    practice: answers.practice,
    story: answers.story,
    impact: answers.impact,
    consent: answers.consent,
  }
}

/**
 * Starts and fills in every section of one response, leaving it ready to send from the
 * check-answers page. Throws with the step that failed.
 */
export async function prepareCompleteResponse(
  baseUrl: string,
  slug: string,
  answers: ResponseAnswers,
  options: {
    file?: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> }
    /** Changes the answers before they are typed in. */
    edit?: (fields: ReturnType<typeof completeFormAnswers>) => void
  } = {},
) {
  const client = new RespondentClient(baseUrl)
  const base = `/calls/${slug}`
  const start = await client.get(base)
  expectRedirect(
    'start',
    await client.post(base, { startToken: hidden(start.html, 'startToken'), website: '' }),
  )
  const fields = completeFormAnswers(answers)
  options.edit?.(fields)
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
  if (options.file)
    expectRedirect('upload', await client.upload(`${base}/response/files`, options.file))
  expectRedirect('files', await client.post(`${base}/response/files`, { intent: 'continue' }))
  expectRedirect(
    'consent',
    await client.post(`${base}/response/consent`, { ...fields.consent, intent: 'continue' }),
  )
  return client
}

/** Sends a prepared response; returns the reference from the confirmation page, or throws. */
export async function sendPreparedResponse(client: RespondentClient, slug: string) {
  const base = `/calls/${slug}`
  expectRedirect('submit', await client.post(`${base}/response/check`, {}))
  const confirmation = await client.get(`${base}/response/confirmation`)
  const reference = confirmation.html.match(/IIP-[0-9A-Z]{4}-[0-9A-Z]{4}/)?.[0]
  if (!reference) throw new Error(`confirmation: no reference (status ${confirmation.status})`)
  return reference
}

/** Starts, fills in and sends one response. */
export async function submitCompleteResponse(
  baseUrl: string,
  slug: string,
  answers: ResponseAnswers,
  options: { file?: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> } } = {},
) {
  const client = await prepareCompleteResponse(baseUrl, slug, answers, options)
  return { reference: await sendPreparedResponse(client, slug), client }
}

function expectRedirect(step: string, result: StepResult) {
  if (result.status !== 302 && result.status !== 303)
    throw new Error(`${step}: expected a redirect, got ${result.status}`)
}
