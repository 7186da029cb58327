import { createHash, randomBytes } from 'node:crypto'
import { createCookie, redirect, type AppLoadContext } from '@remix-run/node'
import {
  deleteSession,
  findSessionUser,
  insertSession,
  touchSession,
} from '../../db/repositories/sessions'
import type { Role } from '../../db/repositories/users'
import { forbidden } from '../utils/responses.server'

export type { Role }

export interface StaffUser {
  id: string
  email: string
  name: string
  roles: Role[]
}

const SESSION_HOURS = 8
const cookies = new Map<string, ReturnType<typeof createCookie>>()

function sessionCookie(context: AppLoadContext) {
  const { sessionSecret, env } = context.services
  let cookie = cookies.get(sessionSecret)
  if (!cookie) {
    cookie = createCookie('iip_session', {
      secrets: [sessionSecret],
      httpOnly: true,
      sameSite: 'lax',
      secure: env.NODE_ENV === 'production',
      path: '/',
      maxAge: SESSION_HOURS * 3600,
    })
    cookies.set(sessionSecret, cookie)
  }
  return cookie
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

async function readToken(request: Request, context: AppLoadContext): Promise<string | null> {
  const value: unknown = await sessionCookie(context).parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

/**
 * Starts a session and returns the Set-Cookie header that carries it. Given the sign-in request,
 * any session that request already carried is ended first, so signing in always means a new
 * session id (a planted or left-over cookie is worth nothing).
 */
export async function createStaffSession(
  context: AppLoadContext,
  userId: string,
  signInRequest?: Request,
): Promise<string> {
  const previous = signInRequest ? await readToken(signInRequest, context) : null
  if (previous) await deleteSession(context.services.db, hashToken(previous))
  const token = randomBytes(32).toString('base64url')
  await insertSession(context.services.db, {
    idHash: hashToken(token),
    userId,
    expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000),
  })
  return sessionCookie(context).serialize(token)
}

export async function getStaffUser(
  request: Request,
  context: AppLoadContext,
): Promise<StaffUser | null> {
  const token = await readToken(request, context)
  if (!token) return null
  const idHash = hashToken(token)
  const row = await findSessionUser(context.services.db, idHash)
  if (!row) return null
  // Record activity at most once a minute rather than on every request.
  if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000)
    await touchSession(context.services.db, idHash)
  return { id: row.id, email: row.email, name: row.name, roles: row.roles as Role[] }
}

/**
 * The one guard for every protected route: anonymous people go to sign-in and come back here
 * afterwards; signed-in people without one of the roles get a 403 page. Admins may do anything.
 */
export async function requireRole(
  request: Request,
  context: AppLoadContext,
  roles: readonly Role[],
): Promise<StaffUser> {
  const user = await getStaffUser(request, context)
  if (!user) {
    const url = new URL(request.url)
    throw redirect(`/sign-in?returnTo=${encodeURIComponent(url.pathname + url.search)}`)
  }
  if (!user.roles.some((role) => role === 'admin' || roles.includes(role))) forbidden()
  return user
}

/** Ends the session server-side and returns the header that clears the cookie. */
export async function destroyStaffSession(
  request: Request,
  context: AppLoadContext,
): Promise<string> {
  const token = await readToken(request, context)
  if (token) await deleteSession(context.services.db, hashToken(token))
  return sessionCookie(context).serialize('', { maxAge: 0 })
}
