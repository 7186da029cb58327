import { z } from 'zod'
import { longText } from './fields'

/** Word limits per answer, shown as the person types and enforced by the server. */
export const storyLimits = { challenge: 400, dayToDay: 600, keyFactors: 400, advice: 300 } as const

export const storySchema = z.object({
  challenge: longText('The challenge', 'Describe the challenge you faced', storyLimits.challenge),
  dayToDay: longText(
    'What the practice looks like',
    'Describe what the practice looks like day to day',
    storyLimits.dayToDay,
  ),
  keyFactors: longText(
    'Key factors',
    'Describe the key factors that made it work',
    storyLimits.keyFactors,
  ),
  advice: longText('Advice', 'Enter your advice to other leaders', storyLimits.advice),
})

export type StoryAnswer = z.infer<typeof storySchema>
