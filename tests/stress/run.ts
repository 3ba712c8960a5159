// npm run stress: the hardening figures at full size (the test suite runs each at a few seconds'
// size). Prints a table and rewrites RELIABILITY.md with the machine and the date.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { refusedSocketsPerMinute } from '../../server/sync/sync-server.ts'
import { actions } from '../../shared/permissions.ts'
import { phases } from '../../shared/phases.ts'
import { roles } from '../../shared/roles.ts'
import { readBundle, verifyBundle } from '../../server/seal/verify-bundle.ts'
import { rssBytes } from '../bench/child.ts'
import { importTarget, loginChild, startChildServer } from '../helpers/child-server.ts'
import { editingCrash, voteCrash } from '../helpers/crash-scenario.ts'
import { reconnectStorm } from '../helpers/reconnect-storm.ts'
import { sendFuzz } from '../helpers/fuzz-socket.ts'
import { importAndSignIn } from '../helpers/participants.ts'
import { connectSynced } from '../helpers/providers.ts'
import { fuzzFrames, schemaBreakingFrames, schemaBreaks } from '../helpers/socket-fuzz.ts'
import { rejectedAsExpected, stockCheck, tryForgeries } from '../helpers/bundle-forgeries.ts'
import { makeSealedBundle } from '../helpers/sealed-bundle.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import { waitFor } from '../helpers/wait-for.ts'

const frames = Number(process.env.STRESS_FRAMES ?? 100_000)
/** Schema-breaking updates (every kind of helpers/socket-fuzz.ts's schemaBreaks, in turn), sent beside the bad frames. */
const schemaFrames = Number(process.env.STRESS_SCHEMA_FRAMES ?? 1_200)
const root = fileURLToPath(new URL('../../', import.meta.url))
const vitestBin = join(root, 'node_modules', '.bin', 'vitest')
// Each stock y-websocket provider listens for this process's exit: up to 600 of them are expected here (the reconnect storm).
process.setMaxListeners(1000)
type Row = { measure: string; value: string; goal: string }
const rows: Row[] = []
const log = (text: string) => console.log(`[stress ${new Date().toISOString().slice(11, 19)}] ${text}`)

/** 100,000 bad frames over four sockets (two read-only on a text an honest delegate is writing, two writable on other texts). */
async function fuzz(): Promise<void> {
  const data = makeTempDir('plenum-stress-')
  const server = await startChildServer(data.path)
  try {
    const bureau = await loginChild(server)
    const [writer, reader, vandal] = await importAndSignIn(importTarget(server, bureau.congress.id), bureau.token, [
      { name: 'Rédactrice honnête', role: 'delegate' },
      { name: 'Lectrice', role: 'attendee' },
      { name: 'Vandale', role: 'delegate' },
    ])
    const docs = bureau.congress.proposals.map((p) => p.docName)
    const honest = await connectSynced(server.wsUrl, docs[0]!, writer!.token, 'Honnête')
    let line = 0
    const typing = setInterval(() => honest.appendParagraph(`Ligne honnête ${++line}.`), 20)
    let peak = 0
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(server.process.pid!))), 200)
    const url = (doc: string, token: string) => `${server.wsUrl}/${encodeURIComponent(doc)}?token=${token}`
    const quarter = Math.floor(frames / 4)
    const started = Date.now()
    const reports = await Promise.all([
      sendFuzz(url(docs[0]!, reader!.token), fuzzFrames(11, quarter, { oversize: 1000 })),
      sendFuzz(url(docs[0]!, reader!.token), fuzzFrames(12, quarter, { oversize: 1000 })),
      sendFuzz(url(docs[1]!, vandal!.token), fuzzFrames(13, quarter, { oversize: 1000 })),
      sendFuzz(url(docs[2]!, vandal!.token), fuzzFrames(14, frames - 3 * quarter, { oversize: 1000 })),
      sendFuzz(url(docs[3]!, vandal!.token), schemaBreakingFrames(15, schemaFrames)),
    ])
    const schema = reports.pop()!
    clearInterval(typing)
    clearInterval(sampler)
    const seconds = (Date.now() - started) / 1000
    const crashed = server.process.exitCode !== null || server.process.signalCode !== null
    let identical = false
    if (!crashed) {
      const check = await connectSynced(server.wsUrl, docs[0]!, reader!.token, 'Contrôle')
      await waitFor(() => check.text().includes(`Ligne honnête ${line}.`), 'the last honest line', 30_000)
      identical = Buffer.from(Y.encodeStateAsUpdate(check.doc)).equals(Buffer.from(Y.encodeStateAsUpdate(honest.doc)))
      check.destroy()
    }
    honest.destroy()
    const sent = reports.reduce((n, r) => n + r.sent, 0)
    rows.push(
      { measure: 'Bad frames sent (seeded: random, truncated varints, unknown types, huge lengths, invalid and mutated updates, awareness, text, oversize)', value: String(sent), goal: '100,000' },
      { measure: 'Sockets the server closed on a bad frame', value: String(reports.reduce((n, r) => n + r.closed, 0)), goal: '' },
      {
        measure: `Schema-breaking updates tried (${schemaBreaks.join(', ')}), built on the live text so only the schema check can stop them: refused, said so, not stored`,
        value: `${schema.refused} of ${schema.sent}`,
        goal: 'all',
      },
      { measure: 'Server crashes', value: crashed ? '1' : '0', goal: '0' },
      { measure: `Honest delegate's text, ${line} lines typed during the fuzz, stored byte for byte`, value: identical ? 'yes' : 'no', goal: 'yes' },
      { measure: 'Server peak RSS during the fuzz', value: `${(peak / 2 ** 20).toFixed(0)} MB`, goal: '' },
      { measure: 'Fuzz duration', value: `${seconds.toFixed(0)} s`, goal: '' },
    )
  } finally {
    await server.stop('SIGTERM')
    data.remove()
  }
}

/** SIGKILL mid-storm (50 delegates typing) and mid-burst (2,000 votes), restart, count what is missing. */
async function crashes(): Promise<void> {
  const data = makeTempDir('plenum-stress-crash-')
  try {
    log('crash: 50 delegates typing into 5 texts, SIGKILL after 5 s')
    const edits = await editingCrash(join(data.path, 'edits'), { writers: 50, docs: 5, killAfterMs: 5000 })
    rows.push({ measure: `Crash mid-storm: lines typed by 50 delegates before SIGKILL`, value: String(edits.edits), goal: '' })
    rows.push({ measure: 'Crash mid-storm: items a client had received, missing after the restart', value: String(edits.lost), goal: '0' })
    log('crash: 2,000 votes at once, SIGKILL after 700 answers')
    const votes = await voteCrash(join(data.path, 'votes'), { voters: 2000, killAfter: 700 })
    rows.push({ measure: `Crash mid-burst: receipts given before SIGKILL (of 2,000 votes)`, value: String(votes.receiptsBeforeKill), goal: '' })
    rows.push({ measure: 'Crash mid-burst: receipts missing from the board, after every voter retried', value: String(votes.lost), goal: '0' })
    rows.push({ measure: 'Crash mid-burst: voters counted twice', value: String(votes.doubled), goal: '0' })
    rows.push({ measure: 'Crash mid-burst: retries answered with a receipt other than their first', value: String(votes.changed), goal: '0' })
  } finally {
    data.remove()
  }
}

/** 500 phones reconnecting at once to a restarted server, while 300 sockets without a session knock. */
async function reconnect(): Promise<void> {
  const data = makeTempDir('plenum-stress-storm-')
  try {
    log('reconnect: 500 clients over 29 texts, server restarted under them, 300 sockets without a session')
    const storm = await reconnectStorm(data.path, { clients: 500, docs: 29, badSockets: 300 })
    rows.push(
      { measure: 'Reconnect storm: clients back and synced after the restart', value: `${storm.clients - storm.rejected} of ${storm.clients}`, goal: 'all' },
      { measure: 'Reconnect storm: time from the restart to the last client synced', value: `${(storm.resyncMs / 1000).toFixed(1)} s`, goal: '' },
      { measure: 'Reconnect storm: clients whose text differs from the server’s, or that missed the next line', value: String(storm.diverged + storm.missedAfter), goal: '0' },
      { measure: 'Reconnect storm: server peak RSS', value: `${(storm.peakRssBytes / 2 ** 20).toFixed(0)} MB`, goal: '' },
      { measure: `Sockets without a session (${storm.badSockets.sent}): closed 4401 / refused 429 at the handshake`, value: `${storm.badSockets.unauthorized} / ${storm.badSockets.refused429}`, goal: `all refused, 429 past ${refusedSocketsPerMinute}/min` },
    )
  } finally {
    data.remove()
  }
}

/** Forged bundles (helpers/bundle-forgeries.ts) against the documented stock commands and plenum verify. */
async function forgeries(): Promise<void> {
  const work = makeTempDir('plenum-stress-forgeries-')
  try {
    log('forgeries: a genuine bundle, then each forgery against openssl + sha256sum -c and plenum verify')
    const sealed = await makeSealedBundle(work.path)
    const genuine = stockCheck(sealed.dir, sealed.publishedKey).passed && verifyBundle(readBundle(sealed.dir), readFileSync(sealed.publishedKey, 'utf8')).ok
    const outcomes = tryForgeries(sealed.dir, work.path, sealed.publishedKey, { sealKeyPem: sealed.sealKeyPem })
    const covered = outcomes.filter((o) => o.forgery.rejectedBy !== 'verify')
    rows.push(
      { measure: 'Genuine bundle: passes openssl (SHA256SUMS.sig, published key), sha256sum -c and plenum verify --key', value: genuine ? 'yes' : 'no', goal: 'yes' },
      { measure: `Forged bundles made without the seal key (edited files with SHA256SUMS rewritten, a vote, a count, a log entry, a removed file, another key, a replayed signature): rejected by the two stock commands`, value: `${covered.filter((o) => !o.stockPassed).length} of ${covered.length}`, goal: 'all' },
      { measure: `Forged bundles rejected by plenum verify --key, naming what failed (those, a file added beside the sealed ones, and ${outcomes.filter((o) => o.forgery.by === 'operator').length} signed with the seal key itself that contradict the log's ballot.closed entries or list a receipt twice)`, value: `${outcomes.filter(rejectedAsExpected).length} of ${outcomes.length}`, goal: 'all' },
    )
  } finally {
    work.remove()
  }
}

/** The suites that check a property case by case, run here so their verdict is in the figures. */
async function suites(): Promise<void> {
  const report = join(makeTempDir('plenum-stress-report-').path, 'report.json')
  const files = {
    authorization: 'tests/integration/authorization-matrix.test.ts',
    input: 'tests/integration/http-input.test.ts',
    xss: 'tests/browser/xss.test.ts',
    web: 'tests/integration/web-security.test.ts',
    restore: 'tests/integration/backup-restore.test.ts',
    secretFiles: 'tests/integration/secret-ballot-files.test.ts',
    voteWire: 'tests/integration/vote-wire.test.ts',
    codes: 'tests/integration/code-secrecy.test.ts',
    signIn: 'tests/integration/sign-in-and-sessions.test.ts',
    dataFolder: 'tests/integration/data-folder.test.ts',
    votedTexts: 'tests/integration/voted-texts.test.ts',
    freeze: 'tests/integration/sync-schema.test.ts',
    cursors: 'tests/integration/cursor-identity.test.ts',
    hallVote: 'tests/browser/vote-hall.test.ts',
    hallEditor: 'tests/browser/hall-origin.test.ts',
    hallJoin: 'tests/browser/join-and-activity.test.ts',
    hallSeal: 'tests/browser/seal.test.ts',
  }
  log(`suites: ${Object.values(files).join(' ')}`)
  spawnSync(vitestBin, ['run', '--config', 'tests/vitest.config.ts', '--reporter=json', `--outputFile=${report}`, ...Object.values(files)], { cwd: root, stdio: 'ignore' })
  const results = (JSON.parse(readFileSync(report, 'utf8')) as { testResults: { name: string; assertionResults: { status: string }[] }[] }).testResults
  /** `whenAllPass` if every test of the file passed, else how many did. */
  const verdict = (file: string, whenAllPass?: string) => {
    const tests = results.find((r) => r.name.endsWith(file))?.assertionResults ?? []
    const passed = tests.filter((t) => t.status === 'passed').length
    const counted = `${passed} of ${tests.length} tests passed`
    return whenAllPass !== undefined && tests.length > 0 && passed === tests.length ? whenAllPass : counted
  }
  const httpCases = actions.filter((a) => !a.startsWith('doc.')).length * roles.length * phases.length
  const socketCases = 2 * roles.length * phases.length
  rows.push(
    { measure: `Authorization: ${httpCases} role × phase × action cases over HTTP, ${socketCases} socket read/write cases, every route by every refused role in every phase, by another congress's bureau and without a session`, value: verdict(files.authorization, 'as specified'), goal: 'as specified' },
    { measure: 'HTTP input: bad ids on every route with a parameter, bad bodies on every body route in every phase (400, never 500, nothing written)', value: verdict(files.input), goal: 'all' },
    { measure: 'XSS corpus (10 payloads) through every text a person enters, 15 pages and the exports in Chromium: payloads executed', value: verdict(files.xss, '0'), goal: '0' },
    { measure: 'Browser protections (CSP, framing, cookies, cross-site writes and sockets)', value: verdict(files.web), goal: 'all' },
    { measure: 'Backup while serving, restore: same canonical motion and public key, byte for byte', value: verdict(files.restore, 'identical'), goal: 'identical' },
    {
      measure: 'Secret ballots (40 voters one at a time, half pour then half contre) whose files were searched after the close — database, -wal, -shm and a backup — for a page holding a voter and a receipt, or cells in casting order: pairings found',
      value: verdict(files.secretFiles, '0'),
      goal: '0',
    },
    { measure: 'Vote requests and answers of one length whatever the choice; receipts recomputed by the device, retries only while open', value: verdict(files.voteWire), goal: 'all' },
    { measure: 'Access codes readable after they were shown (participants list, sheet, QR, database, WAL); sign-ins and votes made with a code shown to its holder', value: verdict(files.codes, 'none; shown'), goal: 'none; shown' },
    { measure: 'Sign-in limits per code tried and per address (typos behind one NAT, own success clears nothing), Secure cookie, empty ?token= from another site, logout closes sockets', value: verdict(files.signIn), goal: 'all' },
    { measure: 'Data folder and backups owner-only (0700 / 0600) under umask 022', value: verdict(files.dataFolder), goal: 'all' },
    { measure: 'Texts put to the vote: locked on the socket and over HTTP, no phase change while a ballot is open, a changed voted text refused by the seal', value: verdict(files.votedTexts), goal: 'all' },
    { measure: 'A text outside the editor schema refused on the socket; a freeze that fails leaves the phase as it was, and succeeds once the cause is gone', value: verdict(files.freeze), goal: 'all' },
    { measure: 'Cursor names and colours another person tried to take', value: verdict(files.cursors, '0 shown'), goal: '0 shown' },
    {
      measure: 'From http://plenum-hall.test (not a secure context) and 127.0.0.1 in Chromium: vote with a verified receipt, co-edit, sign in by link, check the seal',
      value: `${[files.hallVote, files.hallEditor, files.hallJoin, files.hallSeal].map((f) => verdict(f)).join('; ')}`,
      goal: 'all',
    },
  )
}

async function main(): Promise<void> {
  const started = Date.now()
  log(`socket fuzz: ${frames} frames`)
  await fuzz()
  await crashes()
  await reconnect()
  await forgeries()
  await suites()
  const table = ['| measure | value | goal |', '| --- | ---: | --- |', ...rows.map((r) => `| ${r.measure} | ${r.value} | ${r.goal} |`)].join('\n')
  const minutes = (Date.now() - started) / 60_000
  console.log(`\n${table}\nRun took ${minutes.toFixed(1)} minutes.`)
  writeFileSync(
    fileURLToPath(new URL('../../RELIABILITY.md', import.meta.url)),
    `# Reliability

Written by \`npm run stress\` (${new Date().toISOString().slice(0, 10)}); do not edit by hand. The same checks run at a few
seconds' size in \`npm test\` (tests/integration/sync-fuzz.test.ts, crash.test.ts, sync-abuse.test.ts,
http-input.test.ts, authorization-matrix.test.ts, web-security.test.ts, backup-restore.test.ts,
persistence.test.ts, the trust suites named in the table, tests/browser/xss.test.ts and the browser
tests from a non-secure origin).

Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}. The run took ${minutes.toFixed(1)} minutes.

${table}
`,
  )
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
