import { z } from 'zod'

export const signInSchema = z.object({
  email: z
    .string({
      required_error: 'Enter your email address',
      invalid_type_error: 'Enter your email address',
    })
    .trim()
    .min(1, 'Enter your email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .email('Enter an email address in the correct format, like name@example.com'),
  password: z
    .string({ required_error: 'Enter your password', invalid_type_error: 'Enter your password' })
    .min(1, 'Enter your password')
    .max(200, 'Password must be 200 characters or fewer'),
})

export type SignInForm = z.infer<typeof signInSchema>
