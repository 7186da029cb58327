import { z } from 'zod'
import { requiredText } from './fields'

export const returnLinkSchema = z.object({
  email: requiredText(
    'Enter the email address you gave in your response',
    254,
    'Email address must be 254 characters or fewer',
  ).email('Enter an email address in the correct format, like name@school.sch.uk'),
})
