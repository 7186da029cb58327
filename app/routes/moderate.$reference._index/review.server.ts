import type { AppLoadContext } from '@remix-run/node'
import {
  findDraftForSubmission,
  findSubmissionForReview,
  listCaseStudyTagCodes,
  findPossibleDuplicates,
  listModerators,
  listNotes,
  listReviews,
} from '../../../db/repositories/moderation'
import { listFiles, formatFileSize } from '~/submissions/files.server'
import { findSample } from '../../../db/repositories/double-coding'
import { loadTagOptions } from '~/moderation/tag-options.server'
import { allowedDecisions, type SubmissionStatus } from '~/moderation/state-machine'
import { personalDataLabels, type PersonalDataFinding } from '~/submissions/personal-data'
import { fieldLabels } from '~/submissions/sections'
import { formatLondonDateTime } from '~/utils/london-time'
import { notFound } from '~/utils/responses.server'
import type { StoredAnswers } from '~/submissions/answers'

function storySections(answers: StoredAnswers) {
  return [
    ['Title', answers.practice?.title],
    ['The challenge', answers.story?.challenge],
    ['Day to day', answers.story?.dayToDay],
    ['Key factors', answers.story?.keyFactors],
    ['Advice', answers.story?.advice],
    ['What changed', answers.impact?.whatChanged],
    ['How they know', answers.impact?.howYouKnow],
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
  const tags = draft ? await listCaseStudyTagCodes(db, draft.id) : []
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
    draft,
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
