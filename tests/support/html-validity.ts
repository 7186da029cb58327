import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { BrowserContext } from 'playwright-core'

// The Nu HTML Checker (vnu-jar from npm, run with the machine's Java) over pages as the server
// sent them. Browser tests record every document they load (see recordDocuments) and
// tests/e2e/html-validity.test.ts checks those and one page of every route in a single run of
// the checker.

/** Where browser tests leave the documents they loaded: emptied by the e2e setup at each run. */
export const recordedPagesDir = path.resolve(import.meta.dirname, '../.artifacts/html-pages')

export interface PageRecord {
  /** What the page is: method, URL and status, and who asked where that matters. */
  label: string
  html: string
}

export interface ValidationError {
  label: string
  line: number
  message: string
  extract: string
}

/**
 * Saves each HTML document that the context's pages load (the server's bytes, not the DOM) in
 * recordedPagesDir. Pages loaded twice with the same content, but for their per-request tokens,
 * are kept once.
 */
export function recordDocuments(context: BrowserContext, testFile: string) {
  mkdirSync(recordedPagesDir, { recursive: true })
  context.on('response', (response) => {
    const request = response.request()
    if (!request.isNavigationRequest() || request.frame().parentFrame()) return
    if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) return
    response
      .text()
      .then((html) => {
        const label = `${request.method()} ${new URL(response.url()).pathname}${new URL(response.url()).search} (${response.status()}, in ${testFile})`
        const name = createHash('sha256').update(withoutTokens(html)).digest('hex').slice(0, 24)
        writeFileSync(path.join(recordedPagesDir, `${name}.html`), html)
        writeFileSync(path.join(recordedPagesDir, `${name}.label`), label)
      })
      // A body Chromium no longer holds (the page went on before it was read) is not kept:
      // the validity test checks every route itself as well.
      .catch(() => {})
  })
}

/** The page without what changes at each request: nonces, CSRF and form tokens. */
function withoutTokens(html: string): string {
  return html
    .replace(/nonce="[^"]*"/g, '')
    .replace(/(name="(?:csrf|formStamp|startToken)" value=)"[^"]*"/g, '$1')
    .replace(/\\"csrfToken\\",\\"[^"\\]*\\"/g, '')
}

const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar')

/**
 * Runs the Nu HTML Checker once over all the pages (one JVM, not one per page) and returns its
 * errors. Warnings are left out (`--errors-only`).
 */
export async function validateHtml(
  pages: PageRecord[],
  workDir: string,
): Promise<ValidationError[]> {
  mkdirSync(workDir, { recursive: true })
  const files = pages.map((page, i) => {
    const file = path.join(workDir, `page-${String(i).padStart(4, '0')}.html`)
    writeFileSync(file, page.html)
    return file
  })
  const labelOf = new Map(files.map((file, i) => [`file:${file}`, pages[i]!.label]))
  const output = await new Promise<string>((resolve, reject) => {
    execFile(
      'java',
      [
        // A short-lived JVM: its quick compiler alone checks a few hundred pages in half the
        // processor time of its default pair.
        '-XX:TieredStopAtLevel=1',
        '-XX:+UseSerialGC',
        '-Xss4m',
        '-jar',
        vnuJar,
        '--errors-only',
        '--format',
        'json',
        '--stdout',
        ...files,
      ],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // Exit code 1 means "errors found": the JSON on stdout says which.
        if (stdout.trim().startsWith('{')) resolve(stdout)
        else if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT')
          reject(new Error('java not found: install a Java runtime (Debian: default-jre-headless)'))
        else reject(new Error(`The Nu HTML Checker failed: ${stderr || error?.message}`))
      },
    )
  })
  const { messages } = JSON.parse(output) as {
    messages: {
      type: string
      url?: string
      lastLine?: number
      message: string
      extract?: string
    }[]
  }
  return messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => ({
      label: (m.url && labelOf.get(m.url)) ?? m.url ?? '(no page)',
      line: m.lastLine ?? 0,
      message: m.message,
      extract: (m.extract ?? '').replace(/\s+/g, ' '),
    }))
}
