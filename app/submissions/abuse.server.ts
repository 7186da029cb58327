import { createHmac, timingSafeEqual } from 'node:crypto'
import type { AppLoadContext } from '@remix-run/node'
import { consumeRateLimits, describeWait } from '../utils/rate-limit.server'
import { problemPage } from './response-access.server'

// Simple bots without CAPTCHAs: a honeypot field people never see or fill, and a signed time
// stamp that says when the page was served, so a form sent faster than a person could is refused.

export const HONEYPOT_FIELD = 'website'

const sign = (secret: string, issued: string) =>
  createHmac('sha256', secret).update(`form-stamp:${issued}`).digest('base64url')

export function formStamp(context: AppLoadContext, now = Date.now()) {
  const issued = String(now)
  return `${issued}.${sign(context.services.sessionSecret, issued)}`
}

export type BotCheck = 'ok' | 'honeypot' | 'too-fast' | 'bad-stamp'

export function checkForBots(
  context: AppLoadContext,
  formData: FormData,
  now = Date.now(),
): BotCheck {
  const honey = formData.get(HONEYPOT_FIELD)
  if (typeof honey === 'string' && honey.trim() !== '') return 'honeypot'
  const stamp = formData.get('formStamp')
  if (typeof stamp !== 'string') return 'bad-stamp'
  const [issued = '', signature = ''] = stamp.split('.')
  const expected = Buffer.from(sign(context.services.sessionSecret, issued))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad-stamp'
  const elapsed = now - Number(issued)
  if (!(elapsed >= context.services.env.FORM_MIN_SECONDS * 1000)) return 'too-fast'
  return 'ok'
}

/** Answers 429 with Retry-After when any limit is used up. */
export async function enforceLimits(
  context: AppLoadContext,
  limits: Parameters<typeof consumeRateLimits>[1],
  what: string,
) {
  const wait = await consumeRateLimits(context, limits)
  if (wait === null) return
  problemPage(
    429,
    'Too many attempts',
    [
      `There have been too many attempts to ${what} from here. Try again in ${describeWait(wait)}.`,
      'Anything you have already saved is safe.',
    ],
    { 'Retry-After': String(wait) },
  )
}
