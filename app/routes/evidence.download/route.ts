import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { evidenceHref } from '~/evidence/evidence-filter'
import { loadEvidencePage } from '~/evidence/evidence-page.server'
import { exportFormSchema } from '~/evidence/export.schema'
import { exportEvidence } from '~/evidence/exports/export.server'
import { validateCsrf } from '~/utils/csrf.server'

/**
 * The export itself: a POST from the export page's form (not a link, so that an export, which is
 * audited and may carry contact details, needs the form's CSRF token). A resource route, so the
 * answer is the file, streamed as it is written.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const page = await loadEvidencePage(request, context)
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const parsed = exportFormSchema.safeParse({
    format: formData.get('format') ?? undefined,
    contacts: formData.get('contacts') ?? undefined,
  })
  if (!parsed.success) {
    // Back to the form, which says what to choose and keeps the contacts choice.
    const back = new URL(evidenceHref('/evidence/export', page.filter), page.url)
    back.searchParams.set('error', 'format')
    if (formData.get('contacts') === 'yes') back.searchParams.set('contacts', 'yes')
    throw redirect(`${back.pathname}${back.search}`)
  }
  return exportEvidence(context, page.user.id, { filter: page.filter, ...parsed.data })
}

export async function loader() {
  throw new Response('Choose a format on the export page', { status: 405 })
}
