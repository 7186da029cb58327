import { data, redirect, type AppLoadContext } from '@remix-run/node'
import { fieldErrorsOf, formValues, markFormErrors } from '../utils/form-errors'
import { checkForBots, enforceLimits } from './abuse.server'
import { returnLinkSchema } from './return-link.schema'
import { sendReturnLinks, type Call } from './response.server'

/**
 * "Email me a link": rate-limited per address asked about and per network address, and the
 * answer is the same whether or not the address has a response, so it reveals nothing.
 */
export async function requestReturnLink(
  context: AppLoadContext,
  call: Call,
  formData: FormData,
  sentPath: string,
) {
  const values = formValues(formData, ['email'])
  const parsed = returnLinkSchema.safeParse(values)
  if (!parsed.success || checkForBots(context, formData) === 'honeypot') {
    markFormErrors(context)
    return data(
      {
        errors: parsed.success
          ? { email: 'Enter the email address you gave in your response' }
          : fieldErrorsOf(parsed.error),
        values: { email: (values.email ?? '').slice(0, 254) },
      },
      { status: 400 },
    )
  }
  const email = parsed.data.email.toLowerCase()
  await enforceLimits(
    context,
    [
      {
        name: 'return-email',
        key: email,
        points: context.services.env.RATE_LIMIT_RETURN_LINKS_PER_HOUR,
        durationSeconds: 3600,
      },
      { name: 'return-address', key: context.clientAddress, points: 200, durationSeconds: 3600 },
    ],
    'ask for a link',
  )
  await sendReturnLinks(context.services.db, call, email, context.services.publicBaseUrl)
  throw redirect(`${sentPath}?to=${encodeURIComponent(email)}`)
}
