import { createCookie, type AppLoadContext } from '@remix-run/node'
import { CSRF, CSRFError } from 'remix-utils/csrf/server'

const instances = new Map<string, CSRF>()

function csrfFor(context: AppLoadContext): CSRF {
  const { sessionSecret, env } = context.services
  let csrf = instances.get(sessionSecret)
  if (!csrf) {
    csrf = new CSRF({
      cookie: createCookie('iip_csrf', {
        path: '/',
        httpOnly: true,
        secure: env.NODE_ENV === 'production',
        sameSite: 'lax',
        secrets: [sessionSecret],
      }),
      secret: sessionSecret,
    })
    instances.set(sessionSecret, csrf)
  }
  return csrf
}

/** The token for this visitor's forms, and a Set-Cookie header when a new one was issued. */
export function commitCsrfToken(request: Request, context: AppLoadContext) {
  return csrfFor(context).commitToken(request)
}

/** Every state-changing form posts the token; a missing or wrong one gets a 403 page. */
export async function validateCsrf(request: Request, context: AppLoadContext, formData: FormData) {
  try {
    await csrfFor(context).validate(formData, request.headers)
  } catch (error) {
    if (error instanceof CSRFError) {
      throw new Response('Your form could not be sent. Go back, reload the page and try again.', {
        status: 403,
        statusText: 'Forbidden',
      })
    }
    throw error
  }
}
