import type { AppLoadContext } from '@remix-run/node'
import { expect, test } from 'vitest'
import { checkForBots, formStamp } from '../../app/submissions/abuse.server'

const context = {
  services: { sessionSecret: 's'.repeat(40), env: { FORM_MIN_SECONDS: 3 } },
} as unknown as AppLoadContext

const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.set(name, value)
  return data
}

test('a page sent sooner than a person could fill it is refused; one sent later passes', () => {
  const served = 1_700_000_000_000
  const stamp = formStamp(context, served)
  expect(checkForBots(context, form({ formStamp: stamp }), served + 2_999)).toBe('too-fast')
  expect(checkForBots(context, form({ formStamp: stamp }), served + 3_000)).toBe('ok')
})

test('a forged or missing time stamp is refused', () => {
  const served = 1_700_000_000_000
  const [, signature] = formStamp(context, served).split('.')
  expect(
    checkForBots(context, form({ formStamp: `${served - 60_000}.${signature}` }), served),
  ).toBe('bad-stamp')
  expect(checkForBots(context, form({}), served)).toBe('bad-stamp')
  expect(checkForBots(context, form({ formStamp: 'nonsense' }), served)).toBe('bad-stamp')
})

test('a filled-in honeypot marks a bot whatever the stamp says', () => {
  const served = 1_700_000_000_000
  const stamp = formStamp(context, served)
  expect(checkForBots(context, form({ formStamp: stamp, website: 'x' }), served + 60_000)).toBe(
    'honeypot',
  )
})
