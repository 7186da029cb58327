import type { AppLoadContext } from '@remix-run/node'
import {
  findDraftForSubmission,
  findPossibleDuplicates,
  findSample,
  findSubmissionForReview,
  listCaseStudyTagCodes,
  listDismissals,
  listModerators,
  listNotes,
  listOpenPrivacyAlerts,
  listReviews,
} from '~/db.server'
import { listFiles, formatFileSize } from '~/submissions/files.server'
import { loadTagOptions } from '~/moderation/tag-options.server'
import { allowedDecisions, type SubmissionStatus } from '~/moderation/state-machine'
import {
  personalDataLabels,
  type PersonalDataFinding,
  type PersonalDataKind,
} from '~/submissions/personal-data'
import { checkCaseStudyText } from '~/privacy/checks.server'
import { readPublishedValues } from '~/privacy/published-fields'
import { MEASURE_ROWS, measureKinds } from '~/submissions/impact.schema'
import { fieldLabels } from '~/submissions/sections'
import { formatLondonDateTime } from '~/utils/london-time'
import { notFound } from '~/utils/responses.server'
import type { StoredAnswers } from '~/submissions/answers'

const line = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/** Every answer that can reach the case study, measures and costs included. */
function storySections(answers: StoredAnswers) {
  const i = answers.impact ?? {}
  const measures = Array.from({ length: MEASURE_ROWS }, (_, n) => n + 1)
    .filter((n) => line(i[`measure${n}Kind`]))
    .map((n) =>
      [
        measureKinds.find((m) => m.value === i[`measure${n}Kind`])?.label ?? 'Measure',
        `before ${line(i[`measure${n}Before`])}`,
        `after ${line(i[`measure${n}After`])}`,
        line(i[`measure${n}Period`]),
      ]
        .filter(Boolean)
        .join(', '),
    )
  const costs = (
    [
      ['Staff', i.costStaff],
      ['Training', i.costTraining],
      ['Equipment', i.costEquipment],
      ['Funding', i.costFunding],
    ] as const
  )
    .filter(([, value]) => line(value))
    .map(([label, value]) => `${label}: ${line(value)}`)
  return [
    ['Title', answers.practice?.title],
    ['The challenge', answers.story?.challenge],
    ['Day to day', answers.story?.dayToDay],
    ['Key factors', answers.story?.keyFactors],
    ['Advice', answers.story?.advice],
    ['What changed', answers.impact?.whatChanged],
    ['How they know', answers.impact?.howYouKnow],
    ['Measures', measures.join('\n')],
    ['Costs', costs.join('\n')],
  ].map(([label, value]) => ({ label: String(label), value: String(value ?? '') }))
}

/** The sections whose text differs between the answers first sent and the working answers. */
function changedSections(original: StoredAnswers, working: StoredAnswers) {
  const before = storySections(original)
  return storySections(working).filter((section, i) => section.value !== before[i]!.value)
}

/** Everything the review page shows about one submission. */
export async function loadReview(context: AppLoadContext, reference: string) {
  const db = context.services.db
  const submission = await findSubmissionForReview(db, reference)
  if (!submission) notFound()
  const [draft, reviews, notes, options, files, moderators, sample, duplicates] = await Promise.all(
    [
      findDraftForSubmission(db, submission.id),
      listReviews(db, submission.id),
      listNotes(db, submission.id),
      loadTagOptions(db),
      listFiles(db, submission.id),
      listModerators(db),
      findSample(db, submission.id),
      findPossibleDuplicates(db, submission.id),
    ],
  )
  const [tags, check, dismissals, alerts] = draft
    ? await Promise.all([
        listCaseStudyTagCodes(db, draft.id),
        checkCaseStudyText(db, draft.id, readPublishedValues(draft), draft.organisation_named),
        listDismissals(db, draft.id),
        listOpenPrivacyAlerts(db, draft.id),
      ])
    : [[], { findings: [], open: [] }, [], []]
  const answers = (submission.original_answers ?? {}) as StoredAnswers
  const findings = (submission.personal_data_findings ?? []) as unknown as PersonalDataFinding[]
  return {
    submission: {
      id: submission.id,
      reference: submission.reference,
      status: submission.status as SubmissionStatus,
      organisation: submission.organisation_name ?? '',
      assignee: submission.assignee,
      submitted: submission.submitted_at
        ? formatLondonDateTime(new Date(submission.submitted_at))
        : '',
      publication: answers.consent?.publication ?? '',
      flagged: submission.personal_data_flagged,
      resolved: submission.personal_data_resolved_at !== null,
    },
    original: { title: String(answers.practice?.title ?? ''), sections: storySections(answers) },
    // After changes were requested, what the respondent sent again (the original stays as first sent).
    revised: changedSections(answers, (submission.answers ?? {}) as StoredAnswers),
    findings: findings.map((f) => ({
      kind: personalDataLabels[f.kind] ?? f.kind,
      where: fieldLabels[f.field] ?? f.field,
      match: f.match,
    })),
    draft: draft ? { ...draft, ...readPublishedValues(draft) } : undefined,
    // Findings in the case study's text as it is saved now; open ones stop publication.
    draftFindings: check.findings.map((f) => ({
      id: f.id,
      label: f.label,
      kind: f.kindLabel,
      match: f.match,
      advice: f.advice,
      fingerprint: f.fingerprint,
      dismissible: f.dismissible,
      open: check.open.includes(f),
    })),
    dismissals: dismissals.map((d) => ({
      where: d.field,
      kind: personalDataLabels[d.kind as PersonalDataKind] ?? d.kind,
      match: d.match_text,
      reason: d.reason,
      name: d.name,
      at: formatLondonDateTime(new Date(d.dismissed_at)),
    })),
    alerts: alerts.map((a) => ({
      surface: a.surface,
      at: formatLondonDateTime(new Date(a.raised_at)),
      findings: (a.findings as { path: string; kind: PersonalDataKind }[]).map(
        (f) => `${personalDataLabels[f.kind] ?? f.kind} in ${f.path}`,
      ),
    })),
    tags: tags.map((t) => `${t.scheme}:${t.code}`),
    options,
    duplicates,
    sampled: sample !== undefined,
    decisions: allowedDecisions(submission.status as SubmissionStatus),
    files: files.map((f) => ({ id: f.id, name: f.file_name, size: formatFileSize(f.size_bytes) })),
    moderators,
    assignedTo: submission.assigned_to,
    reviews: reviews.map((r) => ({ ...r, at: formatLondonDateTime(new Date(r.created_at)) })),
    notes: notes.map((n) => ({ ...n, at: formatLondonDateTime(new Date(n.created_at)) })),
  }
}
