import type { AppLoadContext } from '@remix-run/node'
import { findFollowUpForReview, findFollowUpsByReference, listCaseStudyVersions } from '~/db.server'
import { readNextVersion } from '~/follow-ups/next-version'
import { followUpFieldLabels, readFollowUpAnswers, summariseFollowUp } from '~/follow-ups/pages'
import { changeSummaryProblems } from '~/follow-ups/review.server'
import {
  allowedFollowUpDecisions,
  followUpKindLabel,
  type FollowUpStatus,
  type PracticeStatus,
} from '~/follow-ups/review-state'
import { checkCaseStudyText } from '~/privacy/checks.server'
import { readPublishedValues } from '~/privacy/published-fields'
import { personalDataLabels, type PersonalDataFinding } from '~/submissions/personal-data'
import { formatLondonDate, formatLondonDateTime } from '~/utils/london-time'
import { notFound } from '~/utils/responses.server'

/**
 * The updates of the case study a moderation reference names, and the one this page is about: the
 * round asked for, else the one waiting for a moderator, else the latest. A submission with no
 * case study, or a case study not yet followed up, has none.
 */
export async function locateFollowUp(
  context: AppLoadContext,
  reference: string,
  roundParam: string | null,
) {
  if (!/^[A-Za-z0-9-]{1,100}$/.test(reference)) notFound()
  const found = await findFollowUpsByReference(context.services.db, reference)
  if (!found.submission && !found.caseStudy) notFound()
  const asked = Number(roundParam)
  const chosen =
    found.rounds.find((r) => r.round === asked) ??
    found.rounds.find((r) => r.status === 'submitted' || r.status === 'in_review') ??
    found.rounds.at(-1) ??
    null
  return { ...found, chosen }
}

/** The page: every round of the case study, and the chosen update's review (if there is one). */
export async function loadFollowUpPage(
  context: AppLoadContext,
  reference: string,
  roundParam: string | null,
) {
  const { caseStudy, rounds, chosen } = await locateFollowUp(context, reference, roundParam)
  return {
    reference,
    title: caseStudy?.title ?? null,
    rounds: rounds.map((r) => ({
      round: r.round,
      kind: followUpKindLabel(r.months),
      status: r.status as FollowUpStatus,
    })),
    review: chosen ? await loadFollowUpReview(context, chosen.id) : null,
  }
}

/** Everything the update's review page shows: the case study as published beside what the school says now. */
async function loadFollowUpReview(context: AppLoadContext, id: string) {
  const db = context.services.db
  const row = await findFollowUpForReview(db, id)
  if (!row) notFound()
  const published = readPublishedValues(row)
  const draft = row.draft
    ? readNextVersion(row.draft, {
        values: published,
        evidenceStrength: row.evidence_strength,
        practiceStatus: row.practice_status as PracticeStatus,
        changeSummary: '',
      })
    : null
  const check = draft
    ? await checkCaseStudyText(db, row.case_study_id, draft.values, row.organisation_named)
    : { findings: [], open: [] }
  const versions = await listCaseStudyVersions(db, [row.case_study_id])
  const answers = readFollowUpAnswers(row.answers)
  const findings = (row.personal_data_findings ?? []) as unknown as PersonalDataFinding[]
  return {
    followUp: {
      id: row.id,
      round: row.round,
      kind: followUpKindLabel(row.months),
      status: row.status as FollowUpStatus,
      assignee: row.assignee,
      received: row.submitted_at ? formatLondonDateTime(new Date(row.submitted_at)) : '',
      editVersion: row.edit_version,
      publishedVersion: row.published_version,
    },
    caseStudy: {
      slug: row.slug,
      status: row.case_study_status,
      version: row.public_version,
      published: row.published_at ? formatLondonDate(new Date(row.published_at)) : '',
      evidenceStrength: row.evidence_strength,
      practiceStatus: row.practice_status as PracticeStatus,
      organisationNamed: row.organisation_named,
      values: published,
      versions: versions.map((v) => ({
        number: v.number,
        date: formatLondonDate(new Date(v.published_at)),
        changeSummary: v.change_summary,
      })),
    },
    answers: summariseFollowUp(answers),
    findings: findings.map((f) => ({
      kind: personalDataLabels[f.kind] ?? f.kind,
      where: followUpFieldLabels[f.field] ?? f.field,
      match: f.match,
    })),
    draft,
    draftFindings: check.findings.map((f) => ({
      id: f.id,
      label: f.label,
      kind: f.kindLabel,
      match: f.match,
      advice: f.advice,
      fingerprint: f.fingerprint,
      dismissible: false,
      open: check.open.includes(f),
    })),
    summaryFindings: draft ? changeSummaryProblems(draft.changeSummary) : [],
    decisions: allowedFollowUpDecisions(row.status as FollowUpStatus),
  }
}
