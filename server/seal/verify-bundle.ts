import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import type { BallotRule, Choice } from '../../shared/ballots/ballot-rule.ts'
import { tally } from '../../shared/ballots/tally.ts'
import type { Electorate, Tally } from '../../shared/ballots/tally-types.ts'
import { canonicalJson } from '../../shared/canonical-json.ts'
import { auditHash, genesisHash } from '../services/audit.ts'
import { boardChainHead, receiptFor } from '../services/ballot-receipts.ts'
import { sha256Hex } from './bundle.ts'
import { verifyBytes } from './keys.ts'

export type Verification = { readonly ok: true; readonly summary: readonly string[] } | { readonly ok: false; readonly summary: readonly string[]; readonly failure: string }

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

interface ResultsFile {
  ballots: { id: string; subject: { label: string }; rule: BallotRule; electorate: Electorate; result: Tally }[]
}
interface BoardFile {
  ballots: { id: string; entries: { receipt: string; choice: Choice; nonce: string; name: string | null }[]; chainHead: string }[]
}
interface AuditFile {
  entries: { seq: number; congressId: string; at: number; actorId: string | null; actorName: string; action: string; payload: string; prevHash: string; hash: string }[]
  head: string | null
}

/**
 * Checks a bundle the way an advisor would with stock tools, and more: every file against
 * SHA256SUMS and the manifest, the manifest's signature, every receipt and chain head of every
 * board, every tally recounted from its board, and the decision log's chain. Stops at the first
 * thing that does not hold and names it.
 */
export function verifyBundle(files: ReadonlyMap<string, Uint8Array>, trustedKeyPem?: string): Verification {
  const summary: string[] = []
  try {
    const sums = text(files, 'SHA256SUMS')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => /^([0-9a-f]{64}) {2}(.+)$/.exec(line) ?? fail(`SHA256SUMS: unreadable line « ${line.slice(0, 80)} »`))
    const listed = new Set<string>()
    for (const [, digest, name] of sums) {
      const data = files.get(name!) ?? fail(`${name}: listed in SHA256SUMS but missing`)
      if (sha256Hex(data) !== digest) fail(`${name}: its SHA-256 does not match SHA256SUMS`)
      listed.add(name!)
    }
    for (const name of files.keys()) if (name !== 'SHA256SUMS' && !listed.has(name)) fail(`${name}: not listed in SHA256SUMS`)
    summary.push(`SHA256SUMS: ${listed.size} files match`)

    const manifestBytes = files.get('manifest.json') ?? fail('manifest.json: missing')
    const manifest = json<{ files: { name: string; sha256: string; bytes: number }[]; congress: { title: string }; frozenAt: string }>(files, 'manifest.json')
    for (const f of manifest.files) {
      const data = files.get(f.name) ?? fail(`${f.name}: listed in manifest.json but missing`)
      if (sha256Hex(data) !== f.sha256 || data.length !== f.bytes) fail(`${f.name}: does not match manifest.json`)
    }
    const bundledKey = text(files, 'public-key.pem')
    if (trustedKeyPem !== undefined && trustedKeyPem.trim() !== bundledKey.trim()) fail('public-key.pem: not the key given with --key')
    if (!verifyBytes(trustedKeyPem ?? bundledKey, manifestBytes, files.get('manifest.sig') ?? fail('manifest.sig: missing'))) fail('manifest.sig: the signature of manifest.json does not verify')
    summary.push(`manifest.json: ${manifest.files.length} files, signature valid${trustedKeyPem === undefined ? ' (with the bundled key: pass --key to check it is the published one)' : ' with the given key'}`)

    const results = json<ResultsFile>(files, 'results.json')
    const boards = new Map(json<BoardFile>(files, 'board.json').ballots.map((b) => [b.id, b]))
    for (const ballot of results.ballots) {
      const board = boards.get(ballot.id) ?? fail(`board.json: no board for ballot ${ballot.subject.label} (${ballot.id})`)
      for (const entry of board.entries) {
        if (receiptFor(ballot.id, entry.choice, entry.nonce) !== entry.receipt) fail(`board.json: receipt ${entry.receipt.slice(0, 12)}… of ${ballot.subject.label} does not match its choice`)
      }
      if (boardChainHead(board.entries) !== board.chainHead) fail(`board.json: the chain head of ${ballot.subject.label} does not match its entries`)
      const recount = tally(ballot.rule, ballot.electorate, board.entries.map((e) => e.choice))
      if (canonicalJson(recount) !== canonicalJson(ballot.result)) fail(`results.json: ${ballot.subject.label} does not recount from its board`)
    }
    summary.push(`results.json: ${results.ballots.length} ballots recounted from board.json`)

    const audit = json<AuditFile>(files, 'audit.json')
    let previous = genesisHash
    for (const e of audit.entries) {
      if (e.prevHash !== previous) fail(`audit.json: entry ${e.seq} does not follow the one before it`)
      const hash = auditHash({ congress_id: e.congressId, at: e.at, actor_id: e.actorId, actor_name: e.actorName, action: e.action, payload: e.payload, prev_hash: e.prevHash })
      if (hash !== e.hash) fail(`audit.json: entry ${e.seq} does not match its hash`)
      previous = e.hash
    }
    if ((audit.entries.at(-1)?.hash ?? null) !== audit.head) fail('audit.json: the head is not the last entry’s hash')
    summary.push(`audit.json: ${audit.entries.length} entries, chain holds`)
    summary.unshift(`${manifest.congress.title}, frozen ${manifest.frozenAt}`)
    return { ok: true, summary }
  } catch (error) {
    if (error instanceof Failed) return { ok: false, summary, failure: error.message }
    throw error
  }
}
