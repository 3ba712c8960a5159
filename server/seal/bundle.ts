import { createHash } from 'node:crypto'
import { strToU8 } from 'fflate'
import { canonicalJson } from '../../shared/canonical-json.ts'
import { renderMotionAkn } from '../../shared/motion/render-akn.ts'
import { renderMotionHtml } from '../../shared/motion/render-html.ts'
import { renderMotionJson, renderMotionMarkdown } from '../../shared/motion/render-markdown.ts'
import { buildComparativeTable } from '../../shared/record/comparative.ts'
import { buildMinutes } from '../../shared/record/minutes.ts'
import { recordBundleFiles } from '../record/render-record.ts'
import { deterministicZip } from './deterministic-zip.ts'
import { signBytes, type SealKeys } from './keys.ts'
import { renderMotionDocx } from './render-docx.ts'
import { renderMotionOdt } from './render-odt.ts'
import { renderMotionPdf } from './render-pdf.ts'
import type { SealSource } from './seal-source.ts'
import { verifyText } from './verify-text.ts'

// 2: SHA256SUMS itself is signed (SHA256SUMS.sig); version 1 signed manifest.json only, so a
// forger could rewrite SHA256SUMS and still pass `sha256sum -c`. 3: the same signature, and the
// motion in Word and Akoma Ntoso, the minutes and the comparative table (verify-bundle.ts lists each
// format's files).
export const bundleFormat = 'plenum-bundle/3'

/** The two files the stock check starts from; SHA256SUMS lists every other file of the bundle. */
export const sumsFile = 'SHA256SUMS'
export const sumsSignatureFile = 'SHA256SUMS.sig'

export interface Bundle {
  /** File name → bytes, in the order they go into the zip. */
  readonly files: ReadonlyMap<string, Uint8Array>
  readonly manifestSha256: string
  /** Base64 of SHA256SUMS.sig: the bundle's one signature. */
  readonly signature: string
}

export const sha256Hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')
const json = (value: unknown) => strToU8(`${canonicalJson(value)}\n`)

/**
 * The sealed bundle: the motion in every format, the results, the boards, the decision log, the
 * public key, how to check it all, a manifest (what the bundle is, each file's size and digest);
 * then SHA256SUMS, every one of those files' SHA-256 in `sha256sum` format, and SHA256SUMS.sig,
 * its Ed25519 signature. The signature covers SHA256SUMS, which covers everything else, so the
 * two stock commands (openssl, then sha256sum -c) check the whole bundle and cannot both pass on
 * a forged one. Everything is computed from frozen data, so rendering it again gives the same bytes.
 */
export async function buildBundle(source: SealSource, keys: SealKeys): Promise<Bundle> {
  const { motion } = source
  const content = new Map<string, Uint8Array>([
    ['motion.json', strToU8(renderMotionJson(motion))],
    ['motion.html', strToU8(renderMotionHtml(motion))],
    ['motion.md', strToU8(renderMotionMarkdown(motion))],
    ['motion.pdf', new Uint8Array(await renderMotionPdf(motion))],
    ['motion.odt', renderMotionOdt(motion)],
    ['motion.docx', await renderMotionDocx(motion)],
    ['motion.akn.xml', strToU8(renderMotionAkn(motion))],
    ...(await recordBundleFiles('minutes', buildMinutes(source.minutes, 'fr'))),
    // In English for readers abroad, to read and print: the freeze renders each file inside its transaction.
    ...(await recordBundleFiles('minutes.en', buildMinutes(source.minutes, 'en'), ['md', 'pdf'])),
    ...(await recordBundleFiles('comparative', buildComparativeTable(source.comparative, 'fr'))),
    [
      'results.json',
      json({
        ballots: source.ballots.map((b) => ({
          id: b.id,
          subject: b.subject,
          rule: b.rule,
          electorate: b.electorate,
          result: b.result,
          counting: b.counting,
          electronic: b.electronic,
          room: b.room,
          status: b.status,
          openedAt: b.openedAt,
          closedAt: b.closedAt,
          publishedAt: b.publishedAt,
        })),
      }),
    ],
    ['board.json', json({ ballots: source.ballots.map((b) => ({ id: b.id, secrecy: b.rule.secrecy, entries: b.board, chainHead: b.chainHead })) })],
    [
      'audit.json',
      json({
        entries: source.audit.map((e) => ({ seq: e.seq, congressId: e.congress_id, at: e.at, actorId: e.actor_id, actorName: e.actor_name, action: e.action, payload: e.payload, prevHash: e.prev_hash, hash: e.hash })),
        head: source.audit.at(-1)?.hash ?? null,
      }),
    ],
    ['public-key.pem', strToU8(keys.publicKeyPem)],
    ['VERIFY.txt', strToU8(verifyText(keys.fingerprint))],
  ])
  const manifest = json({
    format: bundleFormat,
    congress: { id: motion.congress.id, title: motion.congress.title, edition: motion.congress.edition },
    frozenAt: motion.frozenAt,
    publicKeyFingerprint: keys.fingerprint,
    files: [...content].map(([name, data]) => ({ name, bytes: data.length, sha256: sha256Hex(data) })),
  })
  const files = new Map(content)
  files.set('manifest.json', manifest)
  const sums = strToU8([...files].map(([name, data]) => `${sha256Hex(data)}  ${name}\n`).join(''))
  const signature = signBytes(keys, sums)
  files.set(sumsFile, sums)
  files.set(sumsSignatureFile, signature)
  return { files, manifestSha256: sha256Hex(manifest), signature: Buffer.from(signature).toString('base64') }
}

/** The bundle as one zip, in a folder named after the congress, dated the freeze. */
export function bundleZip(bundle: Bundle, folder: string, frozenAt: string): Uint8Array {
  return deterministicZip([...bundle.files].map(([name, data]) => ({ name: `${folder}/${name}`, data })), frozenAt)
}
