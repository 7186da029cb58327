import { z } from 'zod'

/** The six digits from an authenticator app; spaces and dashes, as apps show them, are allowed. */
export const twoFactorCodeSchema = z.object({
  code: z
    .string({
      required_error: 'Enter the code from your authenticator app',
      invalid_type_error: 'Enter the code from your authenticator app',
    })
    .trim()
    .min(1, 'Enter the code from your authenticator app')
    .max(20, 'The code must be 6 digits')
    .refine((code) => /^\d{6}$/.test(code.replace(/[\s-]/g, '')), 'The code must be 6 digits'),
})
