import { createPublicKey } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { parseSums, unsummedFiles } from '../../shared/seal/sha256sums.ts'
import { bundleFormat, sha256Hex, sumsFile, sumsSignatureFile } from './bundle.ts'
import { fingerprintOf, verifyBytes } from './keys.ts'
import { verifyAuditChain, verifyBallots, verifyClosings, type AuditFile, type BoardFile, type ResultsFile } from './verify-ballots.ts'

export type Verification = {
  readonly summary: readonly string[]
  /** Whose key the signature was checked with: the one given (--key) or the one inside the bundle. */
  readonly key: { readonly source: 'given' | 'bundled'; readonly fingerprint: string } | null
} & ({ readonly ok: true } | { readonly ok: false; readonly failure: string })

const bundleV2Files = ['motion.json', 'motion.html', 'motion.md', 'motion.pdf', 'motion.odt', 'results.json', 'board.json', 'audit.json', 'public-key.pem', 'VERIFY.txt', 'manifest.json'] as const

/** Every file a bundle of each format must hold (SHA256SUMS must list each): a bundle sealed before a format was added still verifies. */
export const bundleFilesByFormat: Readonly<Record<string, readonly string[]>> = {
  'plenum-bundle/2': bundleV2Files,
  // 3: Word and Akoma Ntoso, the minutes (French and English) and the comparative table.
  'plenum-bundle/3': [
    ...bundleV2Files,
    'motion.docx',
    'motion.akn.xml',
    ...['minutes', 'comparative'].flatMap((name) => ['md', 'pdf', 'odt', 'docx'].map((format) => `${name}.${format}`)),
    'minutes.en.md',
    'minutes.en.pdf',
  ],
}

/** Every file a bundle made now holds. */
export const bundleFiles = bundleFilesByFormat[bundleFormat]!

/** A bundle's files from its folder or its zip (the zip's single top folder, if any, stripped). */
export function readBundle(path: string): Map<string, Uint8Array> {
  if (!existsSync(path)) throw new Error(`${path}: no such file or folder`)
  if (statSync(path).isDirectory()) return new Map(readdirSync(path).filter((name) => statSync(join(path, name)).isFile()).map((name) => [name, new Uint8Array(readFileSync(join(path, name)))]))
  const entries = Object.entries(unzipSync(new Uint8Array(readFileSync(path)))).filter(([name]) => !name.endsWith('/'))
  const prefix = entries.every(([name]) => name.includes('/')) ? `${entries[0]?.[0].split('/')[0]}/` : ''
  return new Map(entries.map(([name, data]) => [name.startsWith(prefix) ? name.slice(prefix.length) : name, data]))
}

class Failed extends Error {}
const fail = (message: string): never => {
  throw new Failed(message)
}
const text = (files: ReadonlyMap<string, Uint8Array>, name: string) => strFromU8(files.get(name) ?? fail(`${name}: missing`))
const json = <T>(files: ReadonlyMap<string, Uint8Array>, name: string): T => {
  try {
    return JSON.parse(text(files, name)) as T
  } catch (error) {
    if (error instanceof Failed) throw error
    return fail(`${name}: not valid JSON`)
  }
}

interface ManifestFile {
  format: string
  files: { name: string; sha256: string; bytes: number }[]
  congress: { title: string }
  frozenAt: string
  publicKeyFingerprint: string
}

function fingerprintOfPem(pem: string, what: string): string {
  try {
    return fingerprintOf(createPublicKey(pem))
  } catch {
    return fail(`${what}: not a public key`)
  }
}

/**
 * Checks a bundle as the stock commands do, and more. First what `openssl` and `sha256sum -c`
 * check: SHA256SUMS.sig is the Ed25519 signature of SHA256SUMS, and every file SHA256SUMS lists
 * has its digest; then that nothing is missing or added, that manifest.json agrees, every receipt
 * and chain head of every board, no receipt twice, every tally recounted from its board, the
 * decision log's chain, and every board and count against the log's `ballot.closed` entries.
 * Stops at the first thing that does not hold and names it. Without `trustedKeyPem` the signature
 * is checked with the key inside the bundle, which proves nothing about who signed: the result
 * says so, with that key's fingerprint to compare with the published one.
 */
export function verifyBundle(files: ReadonlyMap<string, Uint8Array>, trustedKeyPem?: string): Verification {
  const summary: string[] = []
  let key: Verification['key'] = null
  try {
    const bundledKey = text(files, 'public-key.pem')
    const keyPem = trustedKeyPem ?? bundledKey
    key = { source: trustedKeyPem === undefined ? 'bundled' : 'given', fingerprint: fingerprintOfPem(keyPem, trustedKeyPem === undefined ? 'public-key.pem' : 'the key given with --key') }
    const whose = key.source === 'given' ? 'the key given with --key' : 'the key inside the bundle (public-key.pem)'
    const sums = files.get(sumsFile) ?? fail(`${sumsFile}: missing`)
    const signature = files.get(sumsSignatureFile) ?? fail(`${sumsSignatureFile}: missing`)
    if (!verifyBytes(keyPem, sums, signature)) fail(`${sumsSignatureFile}: the signature of ${sumsFile} does not verify with ${whose}`)
    summary.push(
      key.source === 'given'
        ? `${sumsSignatureFile}: valid signature of ${sumsFile} with the key given with --key (fingerprint ${key.fingerprint})`
        : `${sumsSignatureFile}: valid signature of ${sumsFile} with the key inside the bundle, fingerprint ${key.fingerprint}. ` +
            'Nothing here shows it is the key Plenum published: compare this fingerprint with the published one, or pass --key',
    )

    const parsed = parseSums(strFromU8(sums))
    if (!parsed.ok) fail(`${sumsFile}: unreadable line « ${parsed.line.slice(0, 80)} »`)
    const entries = parsed.ok ? parsed.entries : []
    for (const { name, sha256 } of entries) {
      const data = files.get(name) ?? fail(`${name}: listed in ${sumsFile} but missing`)
      if (sha256Hex(data) !== sha256) fail(`${name}: its SHA-256 does not match ${sumsFile}`)
    }
    const listed = new Set(entries.map((e) => e.name))
    for (const name of files.keys()) if (!unsummedFiles.includes(name) && !listed.has(name)) fail(`${name}: not listed in ${sumsFile}, so not part of the sealed bundle`)
    if (!listed.has('manifest.json')) fail(`manifest.json: missing from the bundle and from ${sumsFile}`)
    // The manifest is signed (through SHA256SUMS): its format says which files the bundle must hold.
    const manifest = json<ManifestFile>(files, 'manifest.json')
    const required = bundleFilesByFormat[String(manifest.format)] ?? fail(`manifest.json: format ${String(manifest.format)}, expected one of ${Object.keys(bundleFilesByFormat).join(', ')}`)
    for (const name of required) if (!listed.has(name)) fail(`${name}: missing from the bundle and from ${sumsFile}`)
    summary.push(`${sumsFile}: ${listed.size} files match, none missing, none added`)

    if (trustedKeyPem !== undefined && trustedKeyPem.trim() !== bundledKey.trim()) fail('public-key.pem: not the key given with --key')
    if (manifest.publicKeyFingerprint !== key.fingerprint) fail('manifest.json: its key fingerprint is not the signing key’s')
    const inManifest = new Set(manifest.files.map((f) => f.name))
    for (const f of manifest.files) {
      const data = files.get(f.name) ?? fail(`${f.name}: listed in manifest.json but missing`)
      if (sha256Hex(data) !== f.sha256 || data.length !== f.bytes) fail(`${f.name}: does not match manifest.json`)
    }
    for (const name of listed) if (name !== 'manifest.json' && !inManifest.has(name)) fail(`manifest.json: does not list ${name}`)
    summary.push(`manifest.json: ${manifest.files.length} files, agrees with ${sumsFile}`)

    const results = json<ResultsFile>(files, 'results.json')
    const board = json<BoardFile>(files, 'board.json')
    const audit = json<AuditFile>(files, 'audit.json')
    summary.push(...verifyBallots(results, board, fail))
    summary.push(verifyAuditChain(audit, fail))
    summary.push(verifyClosings(results, board, audit, fail))
    summary.unshift(`${manifest.congress.title}, frozen ${manifest.frozenAt}`)
    return { ok: true, summary, key }
  } catch (error) {
    if (error instanceof Failed) return { ok: false, summary, key, failure: error.message }
    // A signed file of the wrong shape (a field missing): still a failed check, never a crash.
    return { ok: false, summary, key, failure: `the bundle’s files are not shaped as Plenum writes them (${(error as Error).message})` }
  }
}
