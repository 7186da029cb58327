import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { updateDraftSection } from '~/db.server'
import { Button, type FieldErrors } from '~/components/govuk/forms'
import { QuestionPage } from '~/components/response/question-page'
import { withCompleted } from '~/submissions/answers'
import {
  allowedFileTypes,
  attachFile,
  fileProblemMessages,
  formatFileSize,
  listFiles,
  removeFile,
  storeUpload,
} from '~/submissions/files.server'
import { MAX_FILES } from '~/submissions/file-limits'
import { requireDraft } from '~/submissions/response-access.server'
import { afterSection } from '~/submissions/section-action.server'
import { parseUploadForm } from '~/submissions/upload-form.server'
import { validateCsrf } from '~/utils/csrf.server'
import { markFormErrors } from '~/utils/form-errors'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Supporting files', matches)]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { call, submission } = await requireDraft(request, context, params.slug)
  const files = await listFiles(context.services.db, submission.id)
  return {
    slug: call.slug,
    files: files.map((f) => ({
      id: f.id,
      name: f.file_name,
      type: allowedFileTypes[f.media_type] ?? f.media_type,
      size: formatFileSize(f.size_bytes),
    })),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const draft = await requireDraft(request, context, params.slug)
  const multipart = (request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')
  const { formData, file } = multipart
    ? await parseUploadForm(request)
    : { formData: await request.formData(), file: null }
  await validateCsrf(request, context, formData)
  const db = context.services.db
  const slug = draft.call.slug
  const remove = formData.get('remove')
  if (typeof remove === 'string' && /^[0-9a-f-]{36}$/.test(remove)) {
    await removeFile(db, draft.submission.id, remove)
    throw redirect(`/calls/${slug}/response/files`)
  }
  if (file) {
    const fail = (message: string) => {
      markFormErrors(context)
      return data({ errors: { file: message } }, { status: 400 })
    }
    if ('tooLarge' in file) return fail(fileProblemMessages['too-large'])
    const stored = await storeUpload(context.services.env, file.bytes)
    if (!stored.ok) return fail(fileProblemMessages[stored.problem])
    const attached = await attachFile(db, draft.submission.id, {
      fileName: file.name,
      mediaType: stored.mediaType,
      sha256: stored.sha256,
      size: stored.size,
    })
    if (attached === 'too-many') return fail(fileProblemMessages['too-many'])
    if (formData.get('intent') === 'upload') throw redirect(`/calls/${slug}/response/files`)
  } else if (formData.get('intent') === 'upload') {
    markFormErrors(context)
    return data({ errors: { file: 'Select a file to upload' } }, { status: 400 })
  }
  // Files are optional: the section is complete once the person moves on from it.
  await updateDraftSection(
    db,
    draft.submission.id,
    'files',
    {},
    withCompleted(draft.answers, 'files', true),
  )
  if (formData.get('intent') === 'later') throw redirect(`/calls/${slug}/response/save`)
  throw redirect(
    formData.get('returnTo') === 'check'
      ? `/calls/${slug}/response/check`
      : afterSection(slug, 'files'),
  )
}

export default function Files() {
  const { slug, files } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors: FieldErrors = actionData?.errors ?? {}
  return (
    <>
      <QuestionPage slug={slug} errors={errors} order={['file']} encType="multipart/form-data">
        <h1 className="govuk-heading-l">Supporting files (optional)</h1>
        <p className="govuk-body">
          You can attach up to {MAX_FILES} files, such as an evaluation, a policy or photographs of
          resources. Each must be a PDF, Word, Excel, PowerPoint, JPEG or PNG file smaller than
          10MB. Only moderators see them; remove pupils’ names and faces first.
        </p>
        {files.length > 0 ? (
          <dl className="govuk-summary-list">
            {files.map((file) => (
              <div className="govuk-summary-list__row" key={file.id}>
                <dt className="govuk-summary-list__key">{file.name}</dt>
                <dd className="govuk-summary-list__value">
                  {file.type}, {file.size}
                </dd>
                <dd className="govuk-summary-list__actions">
                  <button
                    className="govuk-button govuk-button--secondary govuk-!-margin-0"
                    type="submit"
                    name="remove"
                    value={file.id}
                    formEncType="application/x-www-form-urlencoded"
                  >
                    Remove<span className="govuk-visually-hidden"> {file.name}</span>
                  </button>
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="govuk-body">No files attached.</p>
        )}
        {files.length < MAX_FILES ? (
          <div className={`govuk-form-group${errors.file ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--m" htmlFor="file">
              Upload a file
            </label>
            {errors.file ? (
              <p id="file-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {errors.file}
              </p>
            ) : null}
            <input
              className={`govuk-file-upload${errors.file ? ' govuk-file-upload--error' : ''}`}
              id="file"
              name="file"
              type="file"
              accept=".pdf,.docx,.xlsx,.pptx,.jpg,.jpeg,.png"
              aria-describedby={errors.file ? 'file-error' : undefined}
            />
            <div>
              <Button secondary name="intent" value="upload">
                Upload file
              </Button>
            </div>
          </div>
        ) : null}
      </QuestionPage>
    </>
  )
}
