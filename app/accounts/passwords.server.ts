import { hash, verify } from '@node-rs/argon2'

// Argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane). The algorithm is given by
// number because the library's enum is a `const enum`, which isolated modules cannot import.
const ARGON2ID = 2
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, options)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

// Verified against when no account matches, so that a wrong email takes as long as a wrong password.
let decoyHash: Promise<string> | undefined
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('decoy password that matches nobody')
  return decoyHash
}
