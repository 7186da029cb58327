import { createHash, randomBytes } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { addMonths, linkExpiry } from '../app/follow-ups/schedule'
import { readPublishedValues, type PublishedValues } from '../app/privacy/published-fields'
import type { DB, Json } from '../db/types'

// A living library on a fresh `npm start`: a few demo case studies have been followed up and have
// later versions (one has stopped), and one school's update waits in the moderation queue. Written
// directly, like the rest of the demo data (the search outbox already names these case studies).

type Status = 'running' | 'changed' | 'stopped'

interface DemoVersion {
  months: number
  status: Status
  evidenceDelta: number
  adviceAdded: string
  changeSummary: string
  /** New figures for the first measure, if any. */
  after?: string
}

const histories: DemoVersion[][] = [
  [
    {
      months: 6,
      status: 'running',
      evidenceDelta: 1,
      adviceAdded: 'Agree in advance what you will measure, and check it each term.',
      changeSummary:
        'Still running. The school now tracks time in mainstream lessons each half term and has a second year of figures.',
      after: 'up again in the second year',
    },
    {
      months: 12,
      status: 'changed',
      evidenceDelta: 1,
      adviceAdded: 'Share the figures with families and governors every term.',
      changeSummary:
        'Changed: the base now also supports pupils in the next key stage, and the school compared its figures with a similar school.',
    },
  ],
  [
    {
      months: 6,
      status: 'changed',
      evidenceDelta: 1,
      adviceAdded: 'Plan the timetable with class teachers before the start of the year.',
      changeSummary:
        'Changed: the unit now runs mornings only, with afternoons in mainstream classes, and attendance figures were added.',
      after: 'higher than the year before',
    },
  ],
  [
    {
      months: 6,
      status: 'stopped',
      evidenceDelta: 0,
      adviceAdded: 'Secure funding for more than one year before you begin.',
      changeSummary:
        'No longer running: the specialist post ended when its funding stopped. The school shares what it learned.',
    },
  ],
]

const pendingAnswers = {
  completed: ['running', 'changes', 'impact', 'pupils', 'advice'],
  running: { running: 'yes', runningWhy: '' },
  changes: {
    whatChanged:
      'The practice is now part of the whole-school timetable, and two more year groups take part.',
  },
  impact: {
    measure1Kind: 'attendance',
    measure1Before: '90%',
    measure1After: '95%',
    measure1Period: '2025 to 2026',
  },
  pupils: { pupilsNow: '48' },
  advice: { adviceToAdd: 'Give staff time to plan together every week.' },
}

const hash = () => createHash('sha256').update(randomBytes(32)).digest('hex')

export async function seedDemoFollowUps(db: Kysely<DB>, now = new Date()): Promise<number> {
  const existing = await db.selectFrom('follow_ups').select('id').limit(1).executeTakeFirst()
  if (existing) return 0
  const demos = await db
    .selectFrom('case_studies')
    .selectAll()
    .where('is_fictional', '=', true)
    .where('status', '=', 'published')
    .where('submission_id', 'is', null)
    .orderBy('published_at')
    .orderBy('slug')
    .limit(histories.length + 1)
    .execute()
  if (demos.length < histories.length + 1) return 0
  const moderator = await db
    .selectFrom('users')
    .select('id')
    .where(sql<boolean>`'moderator' = ANY(roles)`)
    .orderBy('email')
    .executeTakeFirst()

  await db.transaction().execute(async (trx) => {
    for (const [i, history] of histories.entries()) {
      const demo = demos[i]!
      const publishedAt = new Date(demo.published_at!)
      let values: PublishedValues = readPublishedValues(demo)
      let evidence = demo.evidence_strength
      await trx
        .insertInto('case_study_versions')
        .values({
          case_study_id: demo.id,
          number: 1,
          published_at: publishedAt,
          published_values: values as unknown as Json,
          evidence_strength: evidence,
          practice_status: 'running',
          change_summary: '',
        })
        .execute()
      let reviewedAt = publishedAt
      let status: Status = 'running'
      for (const [n, version] of history.entries()) {
        const invitedAt = addMonths(publishedAt, version.months)
        reviewedAt = new Date(Math.min(invitedAt.getTime() + 12 * 86_400_000, now.getTime()))
        values = {
          ...values,
          advice: `${values.advice}\n\n${version.adviceAdded}`,
          measures:
            version.after && values.measures[0]
              ? [{ ...values.measures[0], after: version.after }, ...values.measures.slice(1)]
              : values.measures,
        }
        evidence = evidence === null ? null : Math.min(4, evidence + version.evidenceDelta)
        status = version.status
        const { id } = await trx
          .insertInto('follow_ups')
          .values({
            case_study_id: demo.id,
            round: n + 1,
            months: version.months,
            token_hash: hash(),
            invited_at: invitedAt,
            expires_at: linkExpiry(invitedAt),
            link_used_at: invitedAt,
            status: 'published',
            submitted_at: new Date(invitedAt.getTime() + 5 * 86_400_000),
            answers: {
              completed: ['running', 'changes', 'impact', 'pupils', 'advice'],
              running: {
                running: version.status === 'running' ? 'yes' : version.status,
                runningWhy: version.status === 'running' ? '' : version.changeSummary,
              },
              changes: { whatChanged: version.changeSummary },
              impact: {},
              pupils: { pupilsNow: version.status === 'stopped' ? '0' : '40' },
              advice: { adviceToAdd: version.adviceAdded },
            } as unknown as Json,
            decided_at: reviewedAt,
            decided_by: moderator?.id ?? null,
            published_version: n + 2,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        await trx
          .insertInto('case_study_versions')
          .values({
            case_study_id: demo.id,
            number: n + 2,
            published_at: reviewedAt,
            published_values: values as unknown as Json,
            evidence_strength: evidence,
            practice_status: version.status,
            change_summary: version.changeSummary,
            follow_up_id: id,
          })
          .execute()
      }
      await trx
        .updateTable('case_studies')
        .set({
          ...values,
          measures: values.measures as unknown as Json,
          evidence_strength: evidence,
          public_version: history.length + 1,
          last_reviewed_at: reviewedAt,
          practice_status: status,
          practice_status_since: status === 'stopped' ? reviewedAt : null,
        })
        .where('id', '=', demo.id)
        .execute()
    }
    // One school's 6-month update, received and waiting for a moderator.
    const waiting = demos[histories.length]!
    const invitedAt = new Date(
      Math.min(addMonths(new Date(waiting.published_at!), 6).getTime(), now.getTime()),
    )
    await trx
      .insertInto('follow_ups')
      .values({
        case_study_id: waiting.id,
        round: 1,
        months: 6,
        token_hash: hash(),
        invited_at: invitedAt,
        expires_at: linkExpiry(invitedAt),
        link_used_at: invitedAt,
        status: 'submitted',
        submitted_at: invitedAt,
        answers: pendingAnswers as unknown as Json,
      })
      .execute()
  })
  return histories.length + 1
}
