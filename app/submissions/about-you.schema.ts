import { z } from 'zod'
import { choice, requiredText } from './fields'

export const aboutYouSchema = z.object({
  name: requiredText('Enter your full name', 100, 'Full name must be 100 characters or fewer'),
  role: requiredText(
    'Enter your job title or role',
    100,
    'Job title or role must be 100 characters or fewer',
  ),
  email: requiredText(
    'Enter your work email address',
    254,
    'Work email address must be 254 characters or fewer',
  ).email('Enter an email address in the correct format, like name@school.sch.uk'),
  mayContact: choice(['yes', 'no'], 'Select yes if we may contact you about your response'),
})

export type AboutYou = z.infer<typeof aboutYouSchema>
