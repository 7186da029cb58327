import type { AppLoadContext } from '@remix-run/node'
import { data } from '@remix-run/node'
import { listModerators } from '~/db.server'
import { applyBulk, MAX_BULK, type BulkAction } from '~/moderation/bulk.server'
import { markFormErrors } from '~/utils/form-errors'
import { BulkChoice, Selected } from './queue.schema'

/** The queue's bulk form: parse with zod, check what only the database knows, apply. */
export async function bulkAction(
  context: AppLoadContext,
  user: { id: string; roles: string[] },
  formData: FormData,
) {
  const fail = (problem: string) => {
    markFormErrors(context)
    return data({ problem, outcomes: [] }, { status: 400 })
  }
  const references = Selected.parse(formData.getAll('selected'))
  if (references.length === 0) return fail('Select at least one submission')
  if (references.length > MAX_BULK) return fail(`Select ${MAX_BULK} submissions or fewer`)
  const parsed = BulkChoice.safeParse(
    Object.fromEntries(
      ['bulkAction', 'assignee', 'tag', 'duplicateOf'].map((name) => [name, formData.get(name)]),
    ),
  )
  if (!parsed.success) return fail(parsed.error.issues[0]!.message)

  const form = parsed.data
  let action: BulkAction
  if (form.bulkAction === 'assign') {
    if (!user.roles.includes('admin')) return fail('Only an administrator can assign submissions')
    const moderators = await listModerators(context.services.db)
    if (form.assignee && !moderators.some((m) => m.id === form.assignee))
      return fail('Choose a moderator to assign them to')
    action = { kind: 'assign', assigneeId: form.assignee || null }
  } else if (form.bulkAction === 'tag') {
    action = { kind: 'tag', ...form.tag }
  } else {
    action = { kind: 'reject-duplicate', duplicateOf: form.duplicateOf }
  }
  const outcomes = await applyBulk(context.services.db, {
    references,
    actorId: user.id,
    action,
    baseUrl: context.services.publicBaseUrl,
  })
  return data({ problem: null, outcomes })
}
