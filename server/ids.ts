import { createHash, randomBytes, randomFillSync, randomInt } from 'node:crypto'

/** Short, URL-safe, unguessable enough for row ids. */
export function newId(): string {
  // Never a leading '-': ids are typed on the command line (`--congress ID`, `reissue ID`), where
  // one that starts with a dash reads as an option (1 id in 64 did).
  let id: string
  do id = randomBytes(12).toString('base64url')
  while (id.startsWith('-'))
  return id
}

// Crockford's alphabet: no I, L, O or U, so a code read aloud or typed on a phone is not misread.
const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A personal access code: 12 characters (60 bits), shown as ABCD-EFGH-JKMN. */
export function newAccessCode(): string {
  let code = ''
  for (let i = 0; i < 12; i++) code += codeAlphabet[randomInt(codeAlphabet.length)]
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`
}

/** What a person may type for a code: any case, spaces or dashes anywhere, O for 0, I and L for 1. */
export function normalizeAccessCode(input: string): string {
  const raw = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  return raw.length === 12 ? `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}` : raw
}

/**
 * What the database keeps of a code: SHA-256 of its 12 characters (dashes and case removed, as a
 * person may type them), under a fixed prefix. Sign-in and the check-in desk look codes up by it.
 */
export function hashAccessCode(input: string): string {
  return createHash('sha256').update(`plenum-access-code:${normalizeAccessCode(input).replace(/-/g, '')}`).digest('hex')
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

const pool = Buffer.alloc(4096)
let poolOffset = pool.length

/**
 * `size` fresh random bytes, drawn from a buffer the system's CSPRNG refills 4 kB at a time (each
 * byte handed out once): a call to the CSPRNG costs more than a whole vote's hashing, and a
 * ballot draws two small values per vote. Node caches randomUUID's randomness the same way.
 */
export function pooledRandomBytes(size: number): Buffer {
  if (size > pool.length) return randomBytes(size)
  if (poolOffset + size > pool.length) {
    randomFillSync(pool)
    poolOffset = 0
  }
  const bytes = Buffer.from(pool.subarray(poolOffset, poolOffset + size))
  poolOffset += size
  return bytes
}

/** Six digits, shown in the room: typed on a phone in a second, changed by the bureau at will. */
export function newRoomCode(): string {
  return String(randomInt(1_000_000)).padStart(6, '0')
}
