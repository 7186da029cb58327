import type { Role } from '../../db/repositories/users'

// Demo staff accounts for a laptop or a review environment. Their passwords are public (they are in
// the README), so they are never created, and never accepted, when NODE_ENV is production. The
// list lives here rather than in seeds/ because the running service needs it for that refusal.
export const demoAccounts: readonly {
  role: Role
  email: string
  name: string
  password: string
}[] = [
  {
    role: 'moderator',
    email: 'moderator@demo.inclusion.test',
    name: 'Morgan Moderator (demo)',
    password: 'demo-moderator-2026',
  },
  {
    role: 'advisory',
    email: 'advisory@demo.inclusion.test',
    name: 'Ari Adviser (demo)',
    password: 'demo-advisory-2026',
  },
  {
    role: 'admin',
    email: 'admin@demo.inclusion.test',
    name: 'Alex Admin (demo)',
    password: 'demo-admin-2026',
  },
]

export function isDemoPassword(password: string): boolean {
  return demoAccounts.some((account) => account.password === password)
}
