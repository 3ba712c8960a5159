import { spawnSync } from 'node:child_process'
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto'
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BallotRule, Choice } from '../../shared/ballots/ballot-rule.ts'
import { tally } from '../../shared/ballots/tally.ts'
import type { Electorate } from '../../shared/ballots/tally-types.ts'
import { canonicalJson } from '../../shared/canonical-json.ts'
import { auditHash, genesisHash } from '../../server/services/audit.ts'
import { readBundle, verifyBundle } from '../../server/seal/verify-bundle.ts'

/**
 * Forged bundles, as a forger would make them from a genuine one: anyone on the way (no key: they
 * may rewrite every file, SHA256SUMS included, and sign with a key of their own), or the server's
 * operator (who holds the seal's key and can sign whatever they like). Each says what must reject
 * it: the stock commands (openssl with the published key, then sha256sum -c), plenum verify, or both.
 * The seal test runs them all; `npm run stress` counts them.
 */
export interface BundleForgery {
  readonly name: string
  readonly by: 'anyone' | 'operator'
  readonly rejectedBy: 'stock' | 'verify' | 'both'
  /** What plenum verify's failure must name. */
  readonly names: string
  forge(dir: string, keys: ForgeryKeys): void
}

export interface ForgeryKeys {
  /** The seal's private key (PKCS#8 PEM), as the operator has it in the data folder. */
  readonly sealKeyPem: string
}

interface Board {
  ballots: { id: string; entries: { receipt: string; choice: Choice; name: string | null }[]; chainHead: string }[]
}
interface Results {
  ballots: { id: string; rule: BallotRule; electorate: Electorate; result: unknown }[]
}
interface Audit {
  entries: { seq: number; congressId: string; at: number; actorId: string | null; actorName: string; action: string; payload: string; prevHash: string; hash: string }[]
  head: string | null
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')
const readJson = <T>(dir: string, name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T
const writeJson = (dir: string, name: string, value: unknown) => writeFileSync(join(dir, name), `${canonicalJson(value)}\n`)
const edit = (dir: string, name: string, change: (text: string) => string) => writeFileSync(join(dir, name), change(readFileSync(join(dir, name), 'utf8')))

/** manifest.json made to agree with the files now in the folder, as a careful forger would. */
function rewriteManifest(dir: string): void {
  const manifest = readJson<{ files: { name: string; sha256: string; bytes: number }[] }>(dir, 'manifest.json')
  const present = new Set(readdirSync(dir))
  manifest.files = manifest.files.filter((f) => present.has(f.name))
  for (const f of manifest.files) {
    const data = readFileSync(join(dir, f.name))
    Object.assign(f, { sha256: sha256(data), bytes: data.length })
  }
  writeJson(dir, 'manifest.json', manifest)
}

/** SHA256SUMS (and manifest.json) written again for the files now in the folder, as a forger's `sha256sum * > SHA256SUMS` would. */
export function rewriteSums(dir: string): void {
  rewriteManifest(dir)
  const names = readdirSync(dir).filter((n) => n !== 'SHA256SUMS' && n !== 'SHA256SUMS.sig').sort()
  writeFileSync(join(dir, 'SHA256SUMS'), names.map((n) => `${sha256(readFileSync(join(dir, n)))}  ${n}\n`).join(''))
}

function resign(dir: string, privatePem: string): void {
  writeFileSync(join(dir, 'SHA256SUMS.sig'), sign(null, readFileSync(join(dir, 'SHA256SUMS')), createPrivateKey(privatePem)))
}

/** The first ballot whose board has at least two entries: the one a forger goes for. */
function target(board: Board) {
  const ballot = board.ballots.find((b) => b.entries.length >= 2)
  if (!ballot) throw new Error('the bundle needs a ballot with two votes or more to forge')
  return ballot
}

/** The board changed by `change`, its chain head and count made consistent again, as a careful forger would. */
function rewriteBoard(dir: string, change: (entries: Board['ballots'][number]['entries']) => void): void {
  const board = readJson<Board>(dir, 'board.json')
  const ballot = target(board)
  change(ballot.entries)
  ballot.entries.sort((a, b) => (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0))
  ballot.chainHead = forgedChainHead(ballot.entries)
  writeJson(dir, 'board.json', board)
  const results = readJson<Results>(dir, 'results.json')
  const counted = results.ballots.find((b) => b.id === ballot.id)!
  counted.result = tally(counted.rule, counted.electorate, ballot.entries.map((e) => e.choice))
  writeJson(dir, 'results.json', results)
}

/**
 * The board's chain head, as the forger computes it for the board they wrote: the published
 * formula (shared/ballots/receipt.ts) without its refusal of a receipt listed twice.
 */
function forgedChainHead(entries: readonly { receipt: string; choice: string; name: string | null }[]): string {
  const sorted = [...entries].sort((a, b) => (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0))
  return sorted.reduce((head, e) => createHash('sha256').update(`${head}|${e.receipt}|${e.choice}|${e.name ?? ''}`).digest('hex'), '0'.repeat(64))
}

const flip = (choice: Choice): Choice => (choice === 'yes' ? 'no' : 'yes')

export const bundleForgeries: readonly BundleForgery[] = [
  {
    name: 'motion.md edited, SHA256SUMS written again (the forgery of issue 15)',
    by: 'anyone',
    rejectedBy: 'both',
    names: 'SHA256SUMS.sig',
    forge: (dir) => {
      edit(dir, 'motion.md', (md) => md.replace('## Préambule', '## Préambule\n\nLe congrès demande aussi la dissolution du bureau.'))
      rewriteSums(dir)
    },
  },
  {
    name: 'motion.md edited, SHA256SUMS left as it was',
    by: 'anyone',
    rejectedBy: 'both',
    names: 'motion.md',
    forge: (dir) => edit(dir, 'motion.md', (md) => md.replace('## Préambule', '## Préambule\n\nUne phrase ajoutée.')),
  },
  {
    name: 'one vote changed on board.json, SHA256SUMS written again',
    by: 'anyone',
    rejectedBy: 'both',
    names: 'SHA256SUMS.sig',
    forge: (dir) => {
      rewriteBoard(dir, (entries) => (entries[0]!.choice = flip(entries[0]!.choice)))
      rewriteSums(dir)
    },
  },
  {
    name: 'a count changed in results.json, SHA256SUMS written again',
    by: 'anyone',
    rejectedBy: 'both',
    names: 'SHA256SUMS.sig',
    forge: (dir) => {
      const results = readJson<{ ballots: { result: { yes: number } }[] }>(dir, 'results.json')
      results.ballots[0]!.result.yes += 1
      writeJson(dir, 'results.json', results)
      rewriteSums(dir)
    },
  },
  {
    name: 'a decision-log entry changed in audit.json, its chain hashed again, SHA256SUMS written again',
    by: 'anyone',
    rejectedBy: 'both',
    names: 'SHA256SUMS.sig',
    forge: (dir) => {
      const audit = readJson<Audit>(dir, 'audit.json')
      const closed = audit.entries.find((e) => e.action === 'ballot.closed')!
      closed.payload = closed.payload.replace(/"yes":(\d+)/, (_, n: string) => `"yes":${Number(n) + 5}`)
      let previous = genesisHash
      for (const e of audit.entries) {
        e.prevHash = previous
        e.hash = auditHash({ congress_id: e.congressId, at: e.at, actor_id: e.actorId, actor_name: e.actorName, action: e.action, payload: e.payload, prev_hash: e.prevHash })
        previous = e.hash
      }
      audit.head = previous
      writeJson(dir, 'audit.json', audit)
      rewriteSums(dir)
    },
  },
  {
    name: 'motion.pdf removed',
    by: 'anyone',
    rejectedBy: 'both',
    names: 'motion.pdf',
    forge: (dir) => rmSync(join(dir, 'motion.pdf')),
  },
  {
    name: 'motion.pdf removed and its line taken out of SHA256SUMS',
    by: 'anyone',
    rejectedBy: 'both',
    names: 'SHA256SUMS.sig',
    forge: (dir) => {
      rmSync(join(dir, 'motion.pdf'))
      edit(dir, 'SHA256SUMS', (sums) => sums.replace(/^.*  motion\.pdf\n/m, ''))
    },
  },
  {
    // sha256sum -c reads only the files SHA256SUMS lists: what it does not list is not sealed.
    name: 'a file added beside the sealed ones',
    by: 'anyone',
    rejectedBy: 'verify',
    names: 'annexe-secrete.md',
    forge: (dir) => writeFileSync(join(dir, 'annexe-secrete.md'), '# Annexe\n\nLe bureau est reconduit.\n'),
  },
  {
    name: 'motion.md edited, SHA256SUMS written again and signed with another key, public-key.pem swapped',
    by: 'anyone',
    rejectedBy: 'both',
    names: 'SHA256SUMS.sig',
    forge: (dir) => {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519')
      writeFileSync(join(dir, 'public-key.pem'), publicKey.export({ type: 'spki', format: 'pem' }))
      const manifest = readJson<{ publicKeyFingerprint: string }>(dir, 'manifest.json')
      manifest.publicKeyFingerprint = sha256(publicKey.export({ type: 'spki', format: 'der' })).match(/.{4}/g)!.join(' ')
      writeJson(dir, 'manifest.json', manifest)
      edit(dir, 'motion.md', (md) => md.replace('## Préambule', '## Préambule\n\nUne phrase ajoutée.'))
      rewriteSums(dir)
      resign(dir, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())
    },
  },
  {
    name: 'SHA256SUMS written again, with a genuine signature of other bytes as SHA256SUMS.sig',
    by: 'anyone',
    rejectedBy: 'both',
    names: 'SHA256SUMS.sig',
    forge: (dir, keys) => {
      edit(dir, 'motion.md', (md) => `${md}\nUne phrase ajoutée.\n`)
      rewriteSums(dir)
      writeFileSync(join(dir, 'SHA256SUMS.sig'), sign(null, readFileSync(join(dir, 'manifest.json')), createPrivateKey(keys.sealKeyPem)))
    },
  },
  {
    name: 'signed with the seal key: a vote dropped from a board, its chain head and count redone',
    by: 'operator',
    rejectedBy: 'verify',
    names: 'ballot.closed',
    forge: (dir, keys) => {
      rewriteBoard(dir, (entries) => entries.splice(0, 1))
      rewriteSums(dir)
      resign(dir, keys.sealKeyPem)
    },
  },
  {
    name: 'signed with the seal key: a receipt listed twice on a board, its chain head and count redone',
    by: 'operator',
    rejectedBy: 'verify',
    names: 'twice',
    forge: (dir, keys) => {
      rewriteBoard(dir, (entries) => entries.push({ ...entries[0]! }))
      rewriteSums(dir)
      resign(dir, keys.sealKeyPem)
    },
  },
  {
    name: 'signed with the seal key: a closed ballot left out of results.json and board.json',
    by: 'operator',
    rejectedBy: 'verify',
    names: 'ballot.closed',
    forge: (dir, keys) => {
      const board = readJson<Board>(dir, 'board.json')
      const id = target(board).id
      writeJson(dir, 'board.json', { ...board, ballots: board.ballots.filter((b) => b.id !== id) })
      const results = readJson<Results>(dir, 'results.json')
      writeJson(dir, 'results.json', { ...results, ballots: results.ballots.filter((b) => b.id !== id) })
      rewriteSums(dir)
      resign(dir, keys.sealKeyPem)
    },
  },
]

export interface ForgeryOutcome {
  readonly forgery: BundleForgery
  /** Both stock commands passed (openssl with the published key, then sha256sum -c). */
  readonly stockPassed: boolean
  readonly stockOutput: string
  /** plenum verify's verdict with the published key. */
  readonly verifyFailure: string | null
}

const sh = (cwd: string, command: string) => spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8' })

/** The documented stock check, run in `dir` with the published key at `publishedKey`. */
export function stockCheck(dir: string, publishedKey: string): { passed: boolean; output: string } {
  const openssl = sh(dir, `openssl pkeyutl -verify -pubin -inkey '${publishedKey}' -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig`)
  if (openssl.status !== 0) return { passed: false, output: `openssl: ${openssl.stdout}${openssl.stderr}` }
  const sums = sh(dir, 'sha256sum -c SHA256SUMS')
  return { passed: sums.status === 0, output: `openssl: ${openssl.stdout}sha256sum: ${sums.stdout}${sums.stderr}` }
}

/** Copies the genuine bundle in `pristine` to `work`/forgery-N, forges it, and runs every check on it. */
export function tryForgeries(pristine: string, work: string, publishedKey: string, keys: ForgeryKeys): ForgeryOutcome[] {
  const published = readFileSync(publishedKey, 'utf8')
  return bundleForgeries.map((forgery, i) => {
    const dir = join(work, `forgery-${i + 1}`)
    rmSync(dir, { recursive: true, force: true })
    cpSync(pristine, dir, { recursive: true })
    forgery.forge(dir, keys)
    const stock = stockCheck(dir, publishedKey)
    const verified = verifyBundle(readBundle(dir), published)
    return { forgery, stockPassed: stock.passed, stockOutput: stock.output, verifyFailure: verified.ok ? null : verified.failure }
  })
}

/** Whether each check that must reject the forgery did. */
export function rejectedAsExpected(outcome: ForgeryOutcome): boolean {
  const { rejectedBy, names } = outcome.forgery
  const stockOk = rejectedBy === 'verify' || !outcome.stockPassed
  const verifyOk = outcome.verifyFailure !== null && outcome.verifyFailure.includes(names)
  return stockOk && verifyOk
}

/** The public key of a PKCS#8 private key, as PEM. */
export function publicPemOf(privatePem: string): string {
  return createPublicKey(createPrivateKey(privatePem)).export({ type: 'spki', format: 'pem' }).toString()
}
