import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import type { AppLoadContext } from '@remix-run/node'
import { createCookie } from '@remix-run/node'
import { Secret, TOTP } from 'otpauth'
import QRCode from 'qrcode'

// Optional two-factor sign-in for staff with an authenticator app (TOTP, RFC 6238: six digits,
// 30 seconds, SHA-1, which is what every authenticator app understands). Secrets are stored
// encrypted with a key derived from SESSION_SECRET.

const ISSUER = 'Inclusion in Practice'
const PERIOD = 30

function keyFor(sessionSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionSecret, 'iip', 'totp-secret', 32))
}

export function encryptSecret(sessionSecret: string, base32: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFor(sessionSecret), iv)
  const body = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()])
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.')
}

export function decryptSecret(sessionSecret: string, stored: string): string {
  const [version, iv, tag, body] = stored.split('.')
  if (version !== 'v1' || !iv || !tag || !body) throw new Error('Unreadable two-factor secret')
  const decipher = createDecipheriv(
    'aes-256-gcm',
    keyFor(sessionSecret),
    Buffer.from(iv, 'base64url'),
  )
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([
    decipher.update(Buffer.from(body, 'base64url')),
    decipher.final(),
  ]).toString('utf8')
}

export const newTotpSecret = () => new Secret({ size: 20 }).base32

const totpFor = (base32: string, email: string) =>
  new TOTP({ issuer: ISSUER, label: email, secret: Secret.fromBase32(base32), period: PERIOD })

/** What an authenticator app scans, as an SVG QR code, and the key to type in instead. */
export async function setupDetails(base32: string, email: string) {
  const uri = totpFor(base32, email).toString()
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
  // Groups of four, as authenticator apps show keys.
  return { svg, key: base32.replace(/(.{4})(?=.)/g, '$1 ') }
}

/** Digits only: people type codes with spaces, or paste them with a dash. */
export const normaliseCode = (code: string) => code.replace(/[\s-]/g, '')

/**
 * The time step a code belongs to, if it is right now (or one step either side, for clock
 * drift) and later than the last step used; else null. Storing the returned step stops a code
 * being used twice.
 */
export function acceptedStep(
  base32: string,
  code: string,
  lastStep: number | null,
  now = Date.now(),
): number | null {
  const token = normaliseCode(code)
  if (!/^\d{6}$/.test(token)) return null
  const delta = totpFor(base32, '').validate({ token, timestamp: now, window: 1 })
  if (delta === null) return null
  const step = TOTP.counter({ period: PERIOD, timestamp: now }) + delta
  return lastStep !== null && step <= lastStep ? null : step
}

/** The code an authenticator app would show now (tests, and nothing else, need this). */
export const currentCode = (base32: string, now = Date.now()) =>
  totpFor(base32, '').generate({ timestamp: now })

// Between a right password and a right code, the browser holds only this signed, five-minute
// cookie naming the account; no session exists until the code is right.

const PENDING_MINUTES = 5
const pendingCookies = new Map<string, ReturnType<typeof createCookie>>()

function pendingCookie(context: AppLoadContext) {
  const { sessionSecret, env } = context.services
  let cookie = pendingCookies.get(sessionSecret)
  if (!cookie) {
    cookie = createCookie('iip_two_factor', {
      secrets: [sessionSecret],
      httpOnly: true,
      sameSite: 'lax',
      secure: env.NODE_ENV === 'production',
      path: '/sign-in',
      maxAge: PENDING_MINUTES * 60,
    })
    pendingCookies.set(sessionSecret, cookie)
  }
  return cookie
}

export interface PendingSignIn {
  userId: string
  returnTo: string
  expires: number
}

export function startPendingSignIn(context: AppLoadContext, userId: string, returnTo: string) {
  const pending: PendingSignIn = {
    userId,
    returnTo,
    expires: Date.now() + PENDING_MINUTES * 60_000,
  }
  return pendingCookie(context).serialize(pending)
}

export async function readPendingSignIn(
  request: Request,
  context: AppLoadContext,
): Promise<PendingSignIn | null> {
  const value: unknown = await pendingCookie(context).parse(request.headers.get('Cookie'))
  if (!value || typeof value !== 'object') return null
  const pending = value as Partial<PendingSignIn>
  if (
    typeof pending.userId !== 'string' ||
    typeof pending.returnTo !== 'string' ||
    typeof pending.expires !== 'number' ||
    pending.expires < Date.now()
  )
    return null
  return pending as PendingSignIn
}

export const endPendingSignIn = (context: AppLoadContext) =>
  pendingCookie(context).serialize('', { maxAge: 0 })
