import { z } from 'zod'

export const ROLE_OPTIONS = [
  { value: 'moderator', label: 'Moderator', hint: 'Reviews, tags and publishes responses' },
  { value: 'advisory', label: 'Advisory group', hint: 'Sees and exports the evidence' },
  { value: 'admin', label: 'Administrator', hint: 'Runs calls, the taxonomy and staff accounts' },
] as const

const roles = z.array(z.enum(['moderator', 'advisory', 'admin'])).min(1, 'Select at least one role')

export const inviteSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter their name')
    .max(120, 'Name must be 120 characters or fewer'),
  email: z
    .string()
    .trim()
    .min(1, 'Enter their email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .email('Enter an email address in the correct format, like name@example.org'),
  roles,
})

export const rolesSchema = z.object({ roles })

export const MIN_PASSWORD_LENGTH = 12

export const setPasswordSchema = z
  .object({
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(200, 'Password must be 200 characters or fewer'),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, {
    path: ['confirm'],
    message: 'The passwords do not match',
  })
