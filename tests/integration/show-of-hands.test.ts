import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AuditEntryView, BallotView } from '../../shared/api-types.ts'
import type { BallotRule, Choice } from '../../shared/ballots/ballot-rule.ts'
import { tally } from '../../shared/ballots/tally.ts'
import type { Electorate, Tally } from '../../shared/ballots/tally-types.ts'
import { canonicalJson } from '../../shared/canonical-json.ts'
import { loadOrCreateKeys, signBytes } from '../../server/seal/keys.ts'
import { readBundle, verifyBundle } from '../../server/seal/verify-bundle.ts'
import { rewriteSums } from '../helpers/bundle-forgeries.ts'
import { call, checkIn, openedBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const plenumBin = fileURLToPath(new URL('../../bin/plenum.js', import.meta.url))

/** A ballot counted in the room (show of hands): entered by the bureau, checked, counted, sealed, verified. */
describe('show of hands', () => {
  let plenum: TestServer
  let bureau: string
  let people: Signed[]
  const work = makeTempDir('plenum-hands-')

  // Six voters: five checked in, and Fanny absent but represented by Alice's proxy: six votes.
  const alice = () => people[0]!
  const basile = () => people[1]!
  const chloe = () => people[2]!
  const damien = () => people[3]!
  const elise = () => people[4]!
  const fanny = () => people[5]!
  const gaston = () => people[6]!
  const proposal = (i: number) => plenum.seed.proposals[i]!

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    people = await importAndSignIn(plenum, bureau, [
      { name: 'Alice Votante', role: 'attendee' },
      { name: 'Basile Votant', role: 'delegate' },
      { name: 'Chloé Votante', role: 'attendee' },
      { name: 'Damien Votant', role: 'attendee' },
      { name: 'Élise Votante', role: 'delegate' },
      { name: 'Fanny Représentée', role: 'attendee' },
      { name: 'Gaston Absent', role: 'attendee' },
    ])
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, [alice(), basile(), chloe(), damien(), elise()].map((p) => p.id))
    const proxy = await call(plenum, bureau, 'POST', `/congresses/${plenum.seed.congressId}/proxies`, { giverId: fanny().id, holderId: alice().id })
    expect(proxy.status).toBe(201)
  })
  afterAll(async () => {
    await plenum.close()
    work.remove()
  })

  const roomCount = (ballotId: string, body: unknown, token = bureau) => call<BallotView & { error?: { code: string; message: string } & Record<string, unknown> }>(plenum, token, 'PUT', `/ballots/${ballotId}/room-count`, body)
  const storedCount = async (ballotId: string) => plenum.database.db.selectFrom('room_counts').selectAll().where('ballot_id', '=', ballotId).executeTakeFirst()
  const auditOf = async (action: string) => (await call<{ entries: AuditEntryView[] }>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/audit`)).body.entries.filter((e) => e.action === action)

  test('a ballot held wholly by show of hands: the counts entered make the result under the rule, marked as counted in the room', async () => {
    const ballot = await openedBallot(plenum, bureau, { kind: 'proposal', id: proposal(0).id }, { majority: 'absolute', base: 'cast' })
    expect(ballot.electorate).toMatchObject({ present: 5, represented: 1 })
    await step(plenum, bureau, ballot.id, 'close')

    const counted = await roomCount(ballot.id, { counts: { yes: 3, no: 2, abstain: 1 } })
    expect(counted.status, JSON.stringify(counted.body)).toBe(200)
    // Absolute majority of votes cast: 3 of 6 is not more than half.
    expect(counted.body.result).toMatchObject({ yes: 3, no: 2, abstain: 1, cast: 6, base: 6, threshold: 4, outcome: 'rejected' })
    expect(counted.body.room).toMatchObject({ yes: 3, no: 2, abstain: 1, names: null })

    const entries = await auditOf('ballot.room_counted')
    expect(entries).toHaveLength(1)
    expect(entries[0]!.payload).toMatchObject({ ballotId: ballot.id, room: { yes: 3, no: 2, abstain: 1 }, electronic: { yes: 0, no: 0, abstain: 0 }, names: null, outcome: 'rejected' })

    // A recount in the room replaces the count; the log keeps both.
    const recounted = await roomCount(ballot.id, { counts: { yes: 4, no: 1, abstain: 1 } })
    expect(recounted.body.result).toMatchObject({ yes: 4, no: 1, abstain: 1, outcome: 'adopted' })
    expect(await auditOf('ballot.room_counted')).toHaveLength(2)

    // Nobody but the bureau sees it before publication; everyone after.
    expect((await call<BallotView>(plenum, alice().token, 'GET', `/ballots/${ballot.id}`)).body.room).toBeNull()
    await step(plenum, bureau, ballot.id, 'publish')
    const seen = (await call<BallotView>(plenum, alice().token, 'GET', `/ballots/${ballot.id}`)).body
    expect(seen.room).toMatchObject({ yes: 4, no: 1, abstain: 1 })
    const decided = await plenum.database.db.selectFrom('proposals').select('outcome').where('id', '=', proposal(0).id).executeTakeFirstOrThrow()
    expect(decided.outcome).toBe('adopted')

    // Published, the count is final.
    const late = await roomCount(ballot.id, { counts: { yes: 0, no: 5, abstain: 0 } })
    expect(late.status).toBe(409)
    expect(late.body.error).toMatchObject({ code: 'ballot_status', status: 'published', attempted: 'count_in_room' })
  })

  test('phones and room together: refused past the votes the list allows, with nothing written; within them, counted apart', async () => {
    const ballot = await openedBallot(plenum, bureau, { kind: 'proposal', id: proposal(1).id })
    // The phones' count is not final while the ballot is open: no count in the room yet.
    const early = await roomCount(ballot.id, { counts: { yes: 1, no: 0, abstain: 0 } })
    expect(early.status).toBe(409)
    expect(early.body.error).toMatchObject({ code: 'ballot_status', status: 'open', attempted: 'count_in_room' })
    expect(early.body.error!.message).toContain('décompte en salle')

    for (const [who, choice, behalf] of [[alice(), 'yes', undefined], [alice(), 'yes', fanny().id], [basile(), 'no', undefined]] as const) {
      expect((await vote(plenum, who.token, ballot.id, choice, behalf ? { onBehalfOf: behalf } : {})).status).toBe(200)
    }
    const closed = await step(plenum, bureau, ballot.id, 'close')
    const audited = (await auditOf('ballot.room_counted')).length

    // 3 on phones + 4 in the room = 7 votes, for 6 rights (5 present, 1 represented).
    const over = await roomCount(ballot.id, { counts: { yes: 2, no: 1, abstain: 1 } })
    expect(over.status).toBe(409)
    expect(over.body.error).toMatchObject({ code: 'room_count_exceeds_electorate', electronic: 3, room: 4, rights: 6 })
    expect(over.body.error!.message).toContain('dépassent les 6 voix')
    expect(await storedCount(ballot.id)).toBeUndefined()
    expect((await call<BallotView>(plenum, bureau, 'GET', `/ballots/${ballot.id}`)).body.result).toEqual(closed.result)
    expect(await auditOf('ballot.room_counted')).toHaveLength(audited)

    const mixed = await roomCount(ballot.id, { counts: { yes: 0, no: 2, abstain: 1 } })
    expect(mixed.status).toBe(200)
    expect(mixed.body.result).toMatchObject({ yes: 2, no: 3, abstain: 1, outcome: 'rejected' })
    expect(mixed.body.room).toMatchObject({ yes: 0, no: 2, abstain: 1 })
    const [entry] = (await auditOf('ballot.room_counted')).slice(-1)
    expect(entry!.payload).toMatchObject({ electronic: { yes: 2, no: 1, abstain: 0 }, room: { yes: 0, no: 2, abstain: 1 }, yes: 2, no: 3, abstain: 1 })
    await step(plenum, bureau, ballot.id, 'publish')

    const csv = await (await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/results.csv`, { headers: { authorization: `Bearer ${bureau}` } })).text()
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0]).toContain('Décompte;Pour (appareils);Contre (appareils);Abstentions (appareils);Pour (en salle);Contre (en salle);Abstentions (en salle)')
    expect(lines.find((l) => l.startsWith(`Proposition ${proposal(1).number};`))).toMatch(/;appareils et compté en salle;2;1;0;0;2;1$/)
    expect(lines.find((l) => l.startsWith(`Proposition ${proposal(0).number};`))).toMatch(/;compté en salle;0;0;0;4;1;1$/)
  })

  test('a roll call in the room, name by name: on the list, not voted on a phone, each once', async () => {
    const ballot = await openedBallot(plenum, bureau, { kind: 'proposal', id: proposal(2).id }, { secrecy: 'roll-call' })
    expect((await vote(plenum, alice().token, ballot.id, 'yes')).status).toBe(200)
    await step(plenum, bureau, ballot.id, 'close')

    const refusals: [unknown, number, Record<string, unknown>][] = [
      [{ counts: { yes: 1, no: 0, abstain: 0 } }, 400, { code: 'room_count_form', secrecy: 'roll-call' }],
      [{ names: [{ participantId: basile().id, choice: 'no' }, { participantId: alice().id, choice: 'no' }] }, 409, { code: 'room_voter_already_voted', participantId: alice().id, name: 'Alice Votante' }],
      [{ names: [{ participantId: gaston().id, choice: 'yes' }] }, 409, { code: 'room_voter_not_on_list', participantId: gaston().id }],
      [{ names: [{ participantId: basile().id, choice: 'no' }, { participantId: basile().id, choice: 'yes' }] }, 400, { code: 'bad_request' }],
      [{ names: [{ participantId: basile().id, choice: 'maybe' }] }, 400, { code: 'bad_request' }],
    ]
    for (const [body, status, error] of refusals) {
      const answer = await roomCount(ballot.id, body)
      expect.soft(answer.status, JSON.stringify(body)).toBe(status)
      expect.soft(answer.body.error, JSON.stringify(body)).toMatchObject(error)
    }
    expect(await storedCount(ballot.id)).toBeUndefined()

    const names = [
      { participantId: fanny().id, choice: 'yes' },
      { participantId: damien().id, choice: 'abstain' },
      { participantId: basile().id, choice: 'no' },
      { participantId: chloe().id, choice: 'yes' },
    ]
    const counted = await roomCount(ballot.id, { names })
    expect(counted.status, JSON.stringify(counted.body)).toBe(200)
    expect(counted.body.room).toMatchObject({ yes: 2, no: 1, abstain: 1 })
    // Listed by name, whatever the order they were entered in.
    expect(counted.body.room!.names!.map((n) => `${n.name}:${n.choice}`)).toEqual(['Basile Votant:no', 'Chloé Votante:yes', 'Damien Votant:abstain', 'Fanny Représentée:yes'])
    expect(counted.body.result).toMatchObject({ yes: 3, no: 1, abstain: 1, outcome: 'adopted' })
    const rows = await plenum.database.db.selectFrom('room_votes').select(['participant_id', 'choice']).where('ballot_id', '=', ballot.id).execute()
    expect(rows).toHaveLength(4)
    // Fanny, counted in the room, no longer votes on Alice's phone: the ballot is closed.
    expect((await vote(plenum, alice().token, ballot.id, 'no', { onBehalfOf: fanny().id })).status).toBe(409)

    // A secret ballot names nobody.
    const secret = await openedBallot(plenum, bureau, { kind: 'proposal', id: proposal(3).id })
    await step(plenum, bureau, secret.id, 'close')
    const named = await roomCount(secret.id, { names: [{ participantId: basile().id, choice: 'no' }] })
    expect(named.status).toBe(400)
    expect(named.body.error).toMatchObject({ code: 'room_count_form', secrecy: 'secret' })
    const negative = await roomCount(secret.id, { counts: { yes: -1, no: 0, abstain: 0 } })
    expect(negative.status).toBe(400)
    expect(await storedCount(secret.id)).toBeUndefined()
    await step(plenum, bureau, ballot.id, 'publish')
  })

  test('only the bureau enters a count in the room, and only while voting', async () => {
    const ballot = await openedBallot(plenum, bureau, { kind: 'proposal', id: proposal(4).id })
    await step(plenum, bureau, ballot.id, 'close')
    for (const who of [alice(), basile()]) {
      const refused = await roomCount(ballot.id, { counts: { yes: 1, no: 0, abstain: 0 } }, who.token)
      expect(refused.status).toBe(403)
      expect(refused.body.error!.code).toBe('forbidden')
    }
    const { seedDemo } = await import('../../server/services/seed-demo.ts')
    const outsider = (await plenum.login((await seedDemo(plenum.database.db, Date.now())).bureauCode)).token
    expect((await roomCount(ballot.id, { counts: { yes: 1, no: 0, abstain: 0 } }, outsider)).status).toBe(403)
    expect(await storedCount(ballot.id)).toBeUndefined()
    const counted = await roomCount(ballot.id, { counts: { yes: 1, no: 0, abstain: 0 } })
    expect(counted.status).toBe(200)
  })

  test('counts entered at once by two bureau screens: one after the other, the last one stored is the last one logged', async () => {
    const ballot = await openedBallot(plenum, bureau, { kind: 'proposal', id: proposal(5).id })
    await step(plenum, bureau, ballot.id, 'close')
    const answers = await Promise.all([0, 1, 2, 3, 4].map((i) => roomCount(ballot.id, { counts: { yes: i, no: 1, abstain: 0 } })))
    for (const answer of answers) expect([200, 409], JSON.stringify(answer.body)).toContain(answer.status)
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0)
    const logged = (await auditOf('ballot.room_counted')).filter((e) => e.payload.ballotId === ballot.id)
    expect(logged).toHaveLength(answers.filter((a) => a.status === 200).length)
    const last = logged.at(-1)!.payload as { room: { yes: number; no: number; abstain: number }; yes: number }
    expect(await storedCount(ballot.id)).toMatchObject(last.room)
    expect((await call<BallotView>(plenum, bureau, 'GET', `/ballots/${ballot.id}`)).body.result).toMatchObject({ yes: last.yes, no: 1 })
  })

  test('the seal carries the counts in the room apart and marked; plenum verify recounts them, and a count changed after the fact fails', async () => {
    const frozen = await call(plenum, bureau, 'POST', `/congresses/${plenum.seed.congressId}/freeze`, {})
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(200)
    const late = await roomCount((await plenum.database.db.selectFrom('room_counts').select('ballot_id').executeTakeFirstOrThrow()).ballot_id, { counts: { yes: 0, no: 0, abstain: 0 } })
    expect(late.status).toBe(409)
    expect(late.body.error!.code).toBe('phase_forbids')

    const zip = new Uint8Array(await (await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/bundle`, { headers: { authorization: `Bearer ${bureau}` } })).arrayBuffer())
    writeFileSync(join(work.path, 'bundle.zip'), zip)
    execFileSync('unzip', ['-q', '-d', join(work.path, 'fresh'), join(work.path, 'bundle.zip')])
    const folder = join(work.path, 'fresh')
    const pristine = join(folder, readdirSync(folder)[0]!)
    const published = await (await fetch(`${plenum.baseUrl}/api/keys/public`)).text()
    writeFileSync(join(work.path, 'published.pem'), published)

    type Sealed = {
      id: string
      subject: { label: string }
      rule: BallotRule
      electorate: Electorate
      counting: string
      electronic: { yes: number; no: number; abstain: number }
      room: { yes: number; no: number; abstain: number; names: { name: string; choice: Choice }[] | null } | null
      result: Tally
    }
    const results = JSON.parse(readFileSync(join(pristine, 'results.json'), 'utf8')) as { ballots: Sealed[] }
    const byLabel = (n: number) => results.ballots.find((b) => b.subject.label === `Proposition ${proposal(n).number}`)!
    expect(byLabel(0)).toMatchObject({ counting: 'room', room: { yes: 4, no: 1, abstain: 1, names: null }, result: { yes: 4 } })
    expect(byLabel(1)).toMatchObject({ counting: 'mixed', electronic: { yes: 2, no: 1, abstain: 0 }, room: { yes: 0, no: 2, abstain: 1 }, result: { yes: 2 } })
    expect(byLabel(2).room!.names!.map((n) => n.name)).toEqual(['Basile Votant', 'Chloé Votante', 'Damien Votant', 'Fanny Représentée'])
    expect(byLabel(3)).toMatchObject({ counting: 'electronic', room: null })
    const motion = readFileSync(join(pristine, 'motion.md'), 'utf8')
    expect(motion).toContain('compté en salle : pour 4, contre 1, abstentions 1')

    const cli = spawnSync(process.execPath, [plenumBin, 'verify', join(work.path, 'bundle.zip'), '--key', join(work.path, 'published.pem')], { encoding: 'utf8' })
    expect(cli.status, cli.stdout + cli.stderr).toBe(0)
    expect(cli.stdout).toContain('with a count in the room')
    expect(cli.stdout).toContain('counts in the room')

    // Whoever holds the seal's key changes a count in the room, keeps the result recounting and signs again.
    const keys = loadOrCreateKeys(plenum.dataDir)
    const board = JSON.parse(readFileSync(join(pristine, 'board.json'), 'utf8')) as { ballots: { id: string; entries: { choice: Choice }[] }[] }
    /** The forger keeps the result recounting from the board and the count in the room they wrote. */
    const recount = (b: Sealed) => (b.result = tally(b.rule, b.electorate, board.ballots.find((x) => x.id === b.id)!.entries.map((e) => e.choice), b.room))
    const forge = (name: string, change: (ballots: Sealed[]) => void) => {
      const dir = join(work.path, name)
      cpSync(pristine, dir, { recursive: true })
      const forged = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { ballots: Sealed[] }
      change(forged.ballots)
      writeFileSync(join(dir, 'results.json'), `${canonicalJson(forged)}\n`)
      rewriteSums(dir)
      writeFileSync(join(dir, 'SHA256SUMS.sig'), signBytes(keys, readFileSync(join(dir, 'SHA256SUMS'))))
      return verifyBundle(readBundle(dir), published)
    }
    const label = (n: number) => `Proposition ${proposal(n).number}`
    const cases: [string, (ballots: Sealed[]) => void, string][] = [
      ['one more yes in the room', (b) => { const x = b.find((y) => y.subject.label === label(4))!; x.room!.yes += 1; recount(x) }, `the count in the room of ${label(4)} is not the one logged`],
      ['the count in the room taken out', (b) => { const x = b.find((y) => y.subject.label === label(0))!; x.room = null; recount(x) }, `${label(0)} is not marked as it was counted`],
      ['the count in the room taken out, and its mark', (b) => { const x = b.find((y) => y.subject.label === label(0))!; x.room = null; x.counting = 'electronic'; recount(x) }, `the count in the room of ${label(0)} (ballot.room_counted entry`],
      ['a count in the room left out of the recount', (b) => { b.find((y) => y.subject.label === label(4))!.room!.no += 1 }, `${label(4)} does not recount`],
      ['a name changed its choice', (b) => { const x = b.find((y) => y.subject.label === label(2))!; x.room!.names![0]!.choice = 'yes'; x.room!.yes += 1; x.room!.no -= 1; recount(x) }, `the count in the room of ${label(2)} is not the one logged`],
      ['the votes on phones stated otherwise', (b) => { b.find((y) => y.subject.label === label(1))!.electronic = { yes: 1, no: 2, abstain: 0 } }, `the count of ${label(1)} is not the one logged at its close`],
      ['one more hand than the list allowed', (b) => { const x = b.find((y) => y.subject.label === label(0))!; x.room!.yes += 1; recount(x) }, `${label(0)} counts more votes, on phones and in the room, than its list allowed`],
    ]
    for (const [name, change, failure] of cases) {
      const outcome = forge(name.replace(/ /g, '-'), change)
      expect.soft(outcome.ok, name).toBe(false)
      if (!outcome.ok) expect.soft(outcome.failure, name).toContain(failure)
    }
  }, 60_000)
})
