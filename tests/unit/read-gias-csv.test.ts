import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'
import { describe, expect, test } from 'vitest'
import { localAuthorities } from '../../app/reference/local-authorities'
import { regions } from '../../app/reference/regions'
import { giasColumns } from '../../app/establishments/gias-columns'
import {
  parseEstablishmentRow,
  type EstablishmentInput,
} from '../../app/establishments/parse-establishment'
import {
  countDataLines,
  readGiasCsv,
  type GiasCsvItem,
} from '../../app/establishments/read-gias-csv.server'

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url))
const smallFile = fixture('gias-small.csv')
const badHeaderFile = fixture('gias-bad-header.csv')
const sampleFile = fileURLToPath(
  new URL('../../seeds/data/schools-register-sample.csv', import.meta.url),
)

async function readAll(path: string): Promise<GiasCsvItem[]> {
  const items: GiasCsvItem[] = []
  for await (const item of readGiasCsv(path)) items.push(item)
  return items
}

type Outcome =
  { line: number; establishment: EstablishmentInput } | { line: number; problem: string }

async function importOutcomes(path: string): Promise<Outcome[]> {
  return (await readAll(path)).map((item) => {
    if ('error' in item) return { line: item.line, problem: item.error }
    const parsed = parseEstablishmentRow(item.row)
    return parsed.ok
      ? { line: item.line, establishment: parsed.establishment }
      : { line: item.line, problem: parsed.reason }
  })
}

const establishments = (outcomes: Outcome[]) =>
  outcomes.flatMap((o) => ('establishment' in o ? [o.establishment] : []))
const problems = (outcomes: Outcome[]) =>
  outcomes.flatMap((o) => ('problem' in o ? [{ line: o.line, problem: o.problem }] : []))

describe('readGiasCsv on the small fixture', () => {
  test('the eight good rows parse into establishments', async () => {
    const good = establishments(await importOutcomes(smallFile))
    expect(good.map((e) => e.urn)).toEqual([
      990901, 990902, 990903, 990904, 990905, 990906, 990907, 990908,
    ])
  })

  test('a Windows-1252 curly apostrophe decodes to ’', async () => {
    const names = establishments(await importOutcomes(smallFile)).map((e) => e.name)
    expect(names).toContain('St Mary’s CofE Primary School')
  })

  test('a quoted comma stays inside the name and LA name', async () => {
    const good = establishments(await importOutcomes(smallFile))
    expect(good.find((e) => e.urn === 990903)?.name).toBe('Riverside Academy, Upper Site')
    expect(good.find((e) => e.urn === 990908)?.laName).toBe('Bristol, City of')
  })

  test('each malformed row is reported with its line number and a reason', async () => {
    expect(problems(await importOutcomes(smallFile))).toEqual([
      { line: 10, problem: 'URN is missing' },
      { line: 11, problem: 'URN "99A123" is not a whole number' },
      { line: 12, problem: 'EstablishmentName is missing' },
      { line: 13, problem: 'OpenDate "31-02-2019" is not a real date (expected dd-mm-yyyy)' },
      { line: 14, problem: 'Row has 21 fields; the header has 140' },
    ])
  })

  test('the line count for the progress bar excludes the header', async () => {
    expect(await countDataLines(smallFile)).toBe(13)
  })
})

describe('readGiasCsv on files that are not usable', () => {
  test('a header without URN is rejected naming the missing column', async () => {
    await expect(readAll(badHeaderFile)).rejects.toThrow(/no URN column/)
  })

  test('a file that does not exist is rejected rather than hanging', async () => {
    await expect(readAll(fixture('no-such-file.csv'))).rejects.toThrow(/ENOENT/)
  })
})

describe('readGiasCsv line numbers', () => {
  test('a quoted field spanning two lines does not throw later line numbers out', async () => {
    const row = (urn: string, name: string) =>
      giasColumns.map((c) => (c === 'URN' ? urn : c === 'EstablishmentName' ? name : '')).join(',')
    const text = [
      giasColumns.join(','),
      row('990001', '"Two\r\nLines"'),
      '',
      row('990002', 'After'),
      'too,short',
    ].join('\r\n')
    const path = join(mkdtempSync(join(tmpdir(), 'gias-')), 'multiline.csv')
    writeFileSync(path, iconv.encode(text, 'win1252'))

    const items = await readAll(path)
    expect(items.map((i) => i.line)).toEqual([2, 5, 6])
    expect(items[0] && 'row' in items[0] && items[0].row.EstablishmentName).toBe('Two\r\nLines')
  })
})

describe('the 640-row fictional schools register sample', () => {
  test('every row parses, with URNs from 990001 so none can be a real school', async () => {
    const outcomes = await importOutcomes(sampleFile)
    expect(problems(outcomes)).toEqual([])
    const urns = establishments(outcomes).map((e) => e.urn)
    expect(urns).toHaveLength(640)
    expect(new Set(urns).size).toBe(640)
    expect(Math.min(...urns)).toBeGreaterThanOrEqual(990001)
  })

  test('it covers all nine regions and at least 120 local authorities, consistently named', async () => {
    const sample = establishments(await importOutcomes(sampleFile))
    expect(new Set(sample.map((e) => e.regionCode)).size).toBe(9)
    expect(new Set(sample.map((e) => e.laCode)).size).toBeGreaterThanOrEqual(120)
    const mismatched = sample.filter((e) => {
      const la = localAuthorities.find((l) => l.code === e.laCode)
      const region = regions.find((r) => r.code === la?.regionCode)
      return la?.name !== e.laName || region?.code !== e.regionCode || region?.name !== e.regionName
    })
    expect(mismatched).toEqual([])
  })

  test('every academy and free school belongs to a trust', async () => {
    const sample = establishments(await importOutcomes(sampleFile))
    const academies = sample.filter((e) => e.typeGroupCode === 10 || e.typeGroupCode === 11)
    expect(academies.length).toBeGreaterThan(0)
    expect(academies.filter((e) => !e.trustUid || !e.trustName)).toEqual([])
  })

  test('some schools have resourced provision, some an SEN unit and some both', async () => {
    const sample = establishments(await importOutcomes(sampleFile))
    expect(sample.some((e) => e.hasResourcedProvision && !e.hasSenUnit)).toBe(true)
    expect(sample.some((e) => !e.hasResourcedProvision && e.hasSenUnit)).toBe(true)
    expect(sample.some((e) => e.hasResourcedProvision && e.hasSenUnit)).toBe(true)
  })

  test('names with Windows-1252 characters decode correctly', async () => {
    const names = establishments(await importOutcomes(sampleFile)).map((e) => e.name)
    expect(names).toContain('Ærendel Primary School')
    expect(names.some((n) => n.includes('’'))).toBe(true)
    expect(names.filter((n) => /Ã|â€/.test(n))).toEqual([])
  })
})
