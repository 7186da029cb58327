import { createHash, randomBytes } from 'node:crypto'
import { createCookie, type AppLoadContext } from '@remix-run/node'
import {
  findRespondentToken,
  insertRespondentToken,
  type TokenPurpose,
} from '../../db/repositories/respondent-tokens'

// Respondents have no accounts. Their browser holds a random session token for the response it
// is working on; emailed links hold tokens of their own (one purpose each). Only hashes are stored.

const COOKIE = 'iip_response'

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
export const newToken = () => randomBytes(32).toString('base64url')

function responseCookie(context: AppLoadContext) {
  return createCookie(COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: context.services.env.NODE_ENV === 'production',
    path: '/calls',
  })
}

/** Issues a token of the given purpose for a response; returns the token to put in a link. */
export async function issueRespondentToken(
  context: AppLoadContext,
  submissionId: string,
  purpose: TokenPurpose,
  expiresAt: Date,
): Promise<string> {
  const token = newToken()
  await insertRespondentToken(context.services.db, {
    hash: hashToken(token),
    submissionId,
    purpose,
    expiresAt,
  })
  return token
}

/** Starts a browser session on a response and returns the Set-Cookie header for it. */
export async function startRespondentSession(
  context: AppLoadContext,
  submissionId: string,
  expiresAt: Date,
): Promise<string> {
  const token = await issueRespondentToken(context, submissionId, 'session', expiresAt)
  return responseCookie(context).serialize(token, { expires: expiresAt })
}

/** The response this browser's session opens, if it has a live one. */
export async function findSessionSubmissionId(
  request: Request,
  context: AppLoadContext,
): Promise<string | null> {
  const value: unknown = await responseCookie(context).parse(request.headers.get('Cookie'))
  if (typeof value !== 'string' || value.length === 0 || value.length > 100) return null
  const found = await findRespondentToken(context.services.db, hashToken(value), ['session'])
  return found?.submission_id ?? null
}

/** Follows an emailed link: the response it opens, or null if it is unknown or expired. */
export async function redeemLinkToken(context: AppLoadContext, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null
  return (
    (await findRespondentToken(context.services.db, hashToken(token), ['return', 'status'])) ?? null
  )
}

export async function endRespondentSession(context: AppLoadContext) {
  return responseCookie(context).serialize('', { expires: new Date(0) })
}
