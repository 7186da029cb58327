import { createHash } from 'node:crypto'
import {
  identifierKinds,
  personalDataLabels,
  scanText,
  type PersonalDataFinding,
  type PersonalDataKind,
  type ScanOptions,
} from '../submissions/personal-data'
import { publishedTexts, type PublishedValues } from './published-fields'

/** A finding in a case study's published text, named by the input that edits it. */
export interface CaseStudyFinding {
  /** The id of the review page's input holding it. */
  id: string
  label: string
  kind: PersonalDataKind
  kindLabel: string
  match: string
  index: number
  advice: string
  /** That exact text at that place: a dismissal covers this and nothing else. */
  fingerprint: string
  /** A check-digit-valid identifier is never a false positive, so it can only be removed. */
  dismissible: boolean
}

const CONTEXT = 30

/**
 * Names a finding by its input, its kind, its text and the text either side of it, plus its
 * place among identical ones. Editing elsewhere in the field keeps the name; the same words
 * written somewhere new, or changed around, make a new finding.
 */
function fingerprintsOf(id: string, text: string, findings: PersonalDataFinding[]) {
  const seen = new Map<string, number>()
  return findings.map((f) => {
    const around = [
      text.slice(Math.max(0, f.index - CONTEXT), f.index),
      text.slice(f.index + f.match.length, f.index + f.match.length + CONTEXT),
    ]
    const key = JSON.stringify([id, f.kind, f.match, ...around])
    const ordinal = seen.get(key) ?? 0
    seen.set(key, ordinal + 1)
    return createHash('sha256').update(`${key}#${ordinal}`).digest('base64url')
  })
}

/** Every finding in the text a case study would publish, field by field in page order. */
export function scanCaseStudy(values: PublishedValues, options: ScanOptions = {}) {
  return publishedTexts(values).flatMap(({ id, label, text }): CaseStudyFinding[] => {
    if (!text) return []
    const findings = scanText(id, text, options)
    const fingerprints = fingerprintsOf(id, text, findings)
    return findings.map((f, i) => ({
      id,
      label,
      kind: f.kind,
      kindLabel: personalDataLabels[f.kind],
      match: f.match,
      index: f.index,
      advice: f.advice,
      fingerprint: fingerprints[i]!,
      dismissible: !identifierKinds.includes(f.kind),
    }))
  })
}

/** The findings no moderator has dismissed: while there is one, the case study cannot publish. */
export function openFindings(findings: CaseStudyFinding[], dismissed: ReadonlySet<string>) {
  return findings.filter((f) => !f.dismissible || !dismissed.has(f.fingerprint))
}

/** One line per finding, for a refusal a moderator can act on. */
export function describeFindings(findings: CaseStudyFinding[]) {
  return findings.map((f) => `${f.kindLabel} “${f.match}” in ${f.label}`)
}
