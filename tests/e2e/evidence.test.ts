import { readFile } from 'node:fs/promises'
import { parse as parseCsv } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { PDFParse } from 'pdf-parse'
import type { Page } from 'playwright-core'
import { expect, inject, test } from 'vitest'
import { demoAccounts } from '../../app/accounts/demo-accounts'
import { RespondentClient } from '../support/respondent-client'
import { browserForFile, expectAccessible, expectHeading, signIn } from './browser'

const browser = browserForFile()

const figure = (page: Page, label: string) => page.locator(`[data-figure="${label}"]`).innerText()
const count = (text: string) => Number(text.replace(/[^0-9]/g, ''))

async function download(page: Page, format: RegExp) {
  await page.getByLabel(format).check()
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download' }).click(),
  ])
  return readFile((await file.path())!)
}

const evidencePages = [
  '/evidence',
  '/evidence/gap-map',
  '/evidence/case-studies',
  '/evidence/pack',
  '/evidence/export',
]

test('evidence pages: anonymous people sign in, moderators are refused, advisers and admins enter', async () => {
  const base = inject('baseUrl')
  for (const path of evidencePages) {
    const anonymous = await fetch(`${base}${path}`, { redirect: 'manual' })
    expect(anonymous.status, path).toBe(302)
    expect(anonymous.headers.get('location'), path).toMatch(/^\/sign-in\?returnTo=/)
  }
  const anonymousDownload = await fetch(`${base}/evidence/download`, {
    method: 'POST',
    redirect: 'manual',
  })
  expect([302, 403]).toContain(anonymousDownload.status)
  for (const [role, expected] of [
    ['moderator', 403],
    ['advisory', 200],
    ['admin', 200],
  ] as const) {
    const context = await browser.newContext({ javaScript: true })
    const page = await context.newPage()
    await signIn(page, role)
    for (const path of evidencePages) {
      const response = await page.goto(path)
      expect(response!.status(), `${role} ${path}`).toBe(expected)
    }
    await context.close()
  }
})

test('an adviser filters the dashboard, opens the gap map, follows a cell and downloads every format', async () => {
  const context = await browser.newContext({ javaScript: true })
  const page = await context.newPage()
  await signIn(page, 'advisory')
  await page.getByRole('link', { name: 'Evidence', exact: true }).click()
  await expectHeading(page, 'Evidence dashboard')
  await expectAccessible(page)
  const everything = count(await figure(page, 'Case studies'))
  expect(everything).toBeGreaterThan(100)
  expect(count(await figure(page, 'Evidence only (not published)'))).toBeGreaterThan(0)

  // Filter to one broad area's needs.
  await page.locator('summary', { hasText: /^Need/ }).click()
  await page.getByRole('checkbox', { name: 'Autistic spectrum disorder' }).check()
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await page.waitForURL(/need=ASD/)
  await expectHeading(page, 'Evidence dashboard')
  const autism = count(await figure(page, 'Case studies'))
  expect(autism).toBeGreaterThan(0)
  expect(autism).toBeLessThan(everything)
  await expect
    .poll(() =>
      page.getByRole('link', { name: /Remove filter Need: Autistic spectrum disorder/ }).count(),
    )
    .toBe(1)

  await page
    .getByRole('navigation', { name: 'Evidence' })
    .getByRole('link', { name: 'Evidence gap map' })
    .click()
  await expectHeading(page, 'Evidence gap map')
  expect(page.url()).toContain('need=ASD')
  await expectAccessible(page)
  // Expand the area, then open the first cell that has case studies.
  await page.getByRole('link', { name: /Show needs in Communication and interaction/ }).click()
  await page.waitForURL(/expand=communication/)
  const cell = page.locator('[data-testid="gap-map"] td[data-need="ASD"] a').first()
  const cellCount = count((await cell.innerText()).split('\n')[0]!)
  await cell.click()
  await expectHeading(page, 'Case studies')
  await expectAccessible(page)
  expect(count(await page.getByTestId('evidence-count').innerText())).toBe(cellCount)
  await page.locator('table a').first().click()
  await page.getByText('Evidence strength').first().waitFor()
  await expectAccessible(page)
  await page.goBack()
  await expectHeading(page, 'Case studies')

  await page
    .getByRole('navigation', { name: 'Evidence' })
    .getByRole('link', { name: 'Evidence pack' })
    .click()
  await expectHeading(page, 'Evidence pack')
  await expectAccessible(page)

  await page
    .getByRole('navigation', { name: 'Evidence' })
    .getByRole('link', { name: 'Export' })
    .click()
  await expectHeading(page, 'Export the evidence')
  await expectAccessible(page)
  const rows = count(await page.getByTestId('export-rows').locator('strong').innerText())
  // The cell's filter (autism, and the cell's practice) carried through every page.
  expect(rows).toBe(cellCount)

  const csv = await download(page, /^CSV/)
  const records = parseCsv(csv, { bom: true, columns: true }) as Record<string, string>[]
  expect(records).toHaveLength(rows)
  expect(records.every((r) => r['Need codes']!.split('; ').includes('ASD'))).toBe(true)

  const json = JSON.parse((await download(page, /^JSON/)).toString('utf8'))
  expect(json.count).toBe(rows)

  const book = new ExcelJS.Workbook()
  await book.xlsx.load((await download(page, /Excel workbook/)) as unknown as ExcelJS.Buffer)
  expect(book.getWorksheet('Case studies')!.actualRowCount).toBe(rows + 1)

  const pdf = await new PDFParse({ data: await download(page, /PDF evidence summary/) }).getText()
  expect(pdf.text).toContain(`Case studies: ${rows}`)
  // The appendix is a table: a long reference (a team-written case study's address) wraps.
  const flat = pdf.text.replace(/\s+/g, '')
  for (const record of records) expect(flat).toContain(record.Reference)
  await context.close()
})

test('without JavaScript the filters, the gap map and a CSV export work as plain forms and links', async () => {
  const context = await browser.newContext({ javaScript: false })
  const page = await context.newPage()
  await signIn(page, 'advisory')
  await page.goto('/evidence')
  await expectHeading(page, 'Evidence dashboard')
  await page.getByText('Prepared for').waitFor()
  await page.getByLabel(/^Publication/).check()
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await page.waitForURL(/for=publication/)
  await expectHeading(page, 'Evidence dashboard')
  await expectAccessible(page)
  const published = count(await figure(page, 'Case studies'))
  expect(await figure(page, 'Evidence only (not published)')).toBe('0')

  await page.goto('/evidence/gap-map?for=publication')
  await expectHeading(page, 'Evidence gap map')
  await expectAccessible(page)
  await page.locator('[data-testid="gap-map"] td a').first().click()
  await expectHeading(page, 'Case studies')

  await page.goto('/evidence/export?for=publication')
  await expectHeading(page, 'Export the evidence')
  // Nothing chosen: a clear error, on the same page.
  await page.getByRole('button', { name: 'Download' }).click()
  await expectHeading(page, 'Export the evidence')
  await page.getByRole('link', { name: 'Select a format' }).waitFor()
  expect(await page.title()).toMatch(/^Error: /)
  await expectAccessible(page)
  const csv = await download(page, /^CSV/)
  const records = parseCsv(csv, { bom: true, columns: true }) as Record<string, string>[]
  expect(records).toHaveLength(published)
  expect(records.every((r) => r.Status === 'Published in the library')).toBe(true)
  await context.close()
})

test('random and hostile filters and export forms get a page or a 4xx, never a 500', async () => {
  const base = inject('baseUrl')
  const client = new RespondentClient(base)
  const adviser = demoAccounts.find((a) => a.role === 'advisory')!
  await client.get('/sign-in')
  expect(
    (await client.post('/sign-in', { email: adviser.email, password: adviser.password })).status,
  ).toBe(302)
  await client.get('/evidence/export')
  const keys = ['need', 'practice', 'phase', 'setting', 'region', 'evidence', 'call', 'status']
  const hostile = fc.oneof(
    fc.string({ maxLength: 50 }),
    fc.constantFrom(
      '<script>alert(1)</script>',
      "' OR 1=1 --",
      '../../etc/passwd',
      'x'.repeat(5000),
    ),
    fc.constantFrom('ASD', 'published', 'evidence-only', 'publication', '4', '-1', '1e9'),
  )
  const params = fc.array(
    fc.tuple(fc.constantFrom(...keys, 'consent', 'for', 'page', 'expand'), hostile),
    { maxLength: 12 },
  )
  let tried = 0
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...evidencePages), params, async (path, pairs) => {
      tried++
      const query = new URLSearchParams(pairs).toString()
      const response = await fetch(`${base}${path}?${query}`, {
        headers: { Cookie: client.jar.header() },
        redirect: 'manual',
      })
      expect(response.status, `${path}?${query}`).toBeLessThan(500)
      await response.arrayBuffer()
    }),
    { numRuns: 40 },
  )
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        format: hostile,
        contacts: hostile,
        csrf: fc.oneof(fc.constant(client.csrf), fc.string({ maxLength: 40 })),
      }),
      params,
      async (form, pairs) => {
        tried++
        const url = `${base}/evidence/download?${new URLSearchParams(pairs)}`
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            Cookie: client.jar.header(),
            'Content-Type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams(form),
          redirect: 'manual',
        })
        expect(response.status).toBeLessThan(500)
        // A request whose head is over Node's limit (16 KiB, the address and cookies together) is
        // refused before anything reads the form, with a 431; only a very long address gets that.
        if (response.status === 431) expect(url.length).toBeGreaterThan(8 * 1024)
        else if (form.csrf !== client.csrf) expect(response.status).toBe(403)
        await response.arrayBuffer()
      },
    ),
    { numRuns: 40 },
  )
  expect(tried).toBeGreaterThanOrEqual(80)
})
