import { expect, test } from 'vitest'
import { finishWithin, settledWithin } from '../support/deadline'

const never = new Promise<never>(() => {})

test('settledWithin gives the value, or says it is still waiting', async () => {
  expect(await settledWithin(Promise.resolve(7), 1000)).toEqual({ settled: 'resolved', value: 7 })
  expect(await settledWithin(never, 20)).toEqual({ settled: 'still waiting' })
  await expect(settledWithin(Promise.reject(new Error('refused')), 1000)).rejects.toThrow('refused')
})

test('finishWithin gives the value, or fails with what it was waiting for', async () => {
  expect(await finishWithin(Promise.resolve('done'), 1000, () => 'late')).toBe('done')
  await expect(finishWithin(never, 20, () => 'closing the handle: late')).rejects.toThrow(
    'closing the handle: late',
  )
})
