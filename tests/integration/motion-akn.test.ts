import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { FiledAmendmentView, FreezeView } from '../../shared/api-types.ts'
import { docText } from '../../shared/editor/doc-state.ts'
import { amendmentUris, motionUris } from '../../shared/motion/akn-xml.ts'
import { renderMotionAkn } from '../../shared/motion/render-akn.ts'
import { readSealSource } from '../../server/seal/seal-source.ts'
import { AknReader, expectedFromMotion, readMotionAkn } from '../helpers/akn-reader.ts'
import { call, checkIn, openedBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { connectSynced } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { replaceText } from '../helpers/text-edit.ts'

const hostile = `<script>&"'`
const artifacts = fileURLToPath(new URL('../artifacts', import.meta.url))

describe('motion.akn.xml of a sealed congress reads back into the sealed motion', () => {
  let plenum: TestServer
  let bureau: string
  let anne: Signed
  let leon: Signed
  let voters: Signed[]
  let amendment: FiledAmendmentView
  let sub: FiledAmendmentView
  let preamble: FiledAmendmentView
  let firstParagraph: string
  const work = makeTempDir('plenum-akn-')
  const file = join(work.path, 'motion.akn.xml')

  /** Edits a text through the sync socket, as its editor would: a replacement, and perhaps a paragraph added at the end. */
  async function write(docName: string, who: Signed, edit: { find?: string; replacement?: string; append?: string }): Promise<void> {
    const client = await connectSynced(plenum.wsUrl, docName, who.token, who.name)
    try {
      if (edit.find !== undefined) replaceText(client.doc, edit.find, edit.replacement ?? '')
      if (edit.append !== undefined) client.appendParagraph(edit.append)
      await roundTrip(client)
    } finally {
      client.destroy()
    }
  }
  const ok = async (answer: Promise<{ status: number; body: unknown }>) => {
    const { status, body } = await answer
    expect(status, JSON.stringify(body)).toBeLessThan(300)
    return body
  }

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    voters = await importAndSignIn(plenum, bureau, [
      { name: 'Anne Autrice', role: 'delegate' },
      { name: 'Léon Martin', role: 'delegate' },
      { name: 'Chloé Votante', role: 'attendee' },
    ])
    ;[anne, leon] = [voters[0]!, voters[1]!]
  })
  afterAll(async () => {
    await plenum?.close()
    work.remove()
  })

  test('a congress with an amendment, its sub-amendment and a preamble amendment adopted, proposals adopted and rejected, freezes', async () => {
    const congress = `/congresses/${plenum.seed.congressId}`
    const [first, second, third] = plenum.seed.proposals
    await ok(call(plenum, bureau, 'PATCH', `${congress}/proposals/${first!.id}`, { title: hostile }))
    await setPhase(plenum, bureau, 'amendments')

    const reader = await connectSynced(plenum.wsUrl, first!.docName, anne.token)
    firstParagraph = docText(reader.doc).split('\n')[0]!
    const firstWord = firstParagraph.split(' ')[0]!
    reader.destroy()
    amendment = (await ok(call(plenum, anne.token, 'POST', `/proposals/${first!.id}/amendments`, { justification: `Pour que l’État s’engage.\nEt ${hostile} & bien.` }))) as FiledAmendmentView
    await write(amendment.docName, anne, { find: firstWord, replacement: 'Désormais, l’État', append: 'Un alinéa ajouté par l’amendement.' })
    await ok(call(plenum, anne.token, 'POST', `/amendments/${amendment.id}/submit`))
    sub = (await ok(call(plenum, leon.token, 'POST', `/amendments/${amendment.id}/sub-amendments`, { justification: 'Plus net.' }))) as FiledAmendmentView
    await write(sub.docName, leon, { find: 'Désormais', replacement: 'Dès demain' })
    await ok(call(plenum, leon.token, 'POST', `/amendments/${sub.id}/submit`))
    preamble = (await ok(call(plenum, anne.token, 'POST', `${congress}/preamble/amendments`, { justification: '' }))) as FiledAmendmentView
    await write(preamble.docName, anne, { append: 'Le congrès rappelle ses statuts.' })
    await ok(call(plenum, anne.token, 'POST', `/amendments/${preamble.id}/submit`))
    for (const a of [amendment, sub, preamble]) await ok(call(plenum, bureau, 'POST', `/amendments/${a.id}/ruling`, { admissible: true }))
    // The sub-amendment first, into its amendment; then the amendment, into the proposal.
    for (const a of [sub, amendment, preamble]) await ok(call(plenum, bureau, 'POST', `/amendments/${a.id}/decision`, { outcome: 'adopted' }))

    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, voters.map((v) => v.id))
    for (const [proposal, choice] of [[first!, 'yes'], [second!, 'yes'], [third!, 'no']] as const) {
      const ballot = await openedBallot(plenum, bureau, { kind: 'proposal', id: proposal.id })
      for (const v of voters) await vote(plenum, v.token, ballot.id, choice)
      await step(plenum, bureau, ballot.id, 'close')
      await step(plenum, bureau, ballot.id, 'publish')
    }
    const frozen = await call<FreezeView>(plenum, bureau, 'POST', `${congress}/freeze`)
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(200)
  }, 60_000)

  test('served as application/akn+xml, well-formed, namespaced, and read back it is the sealed motion', async () => {
    const answer = await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/bundle/motion.akn.xml`, { headers: { authorization: `Bearer ${voters[2]!.token}` } })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/akn+xml')
    const served = await answer.text()
    writeFileSync(file, served)
    // Kept for whoever reviews it (tests/artifacts is not committed).
    mkdirSync(artifacts, { recursive: true })
    writeFileSync(join(artifacts, 'motion.akn.xml'), served)
    const lint = spawnSync('xmllint', ['--noout', '--nonet', file], { encoding: 'utf8' })
    expect(lint.status, lint.stderr).toBe(0)

    const { motion } = await readSealSource(plenum.database.db, plenum.seed.congressId)
    // The file is the renderer's, from the frozen data, byte for byte.
    expect(served).toBe(renderMotionAkn(motion))
    expect(readMotionAkn(file)).toEqual(expectedFromMotion(motion))
  })

  test('it holds the words: the adopted proposals as amended, the preamble as amended, every question, the FRBR dates', async () => {
    const { motion } = await readSealSource(plenum.database.db, plenum.seed.congressId)
    const read = readMotionAkn(file)
    expect(read.questions.map((q) => q.num)).toEqual(motion.themes.map((t) => `${t.position}`))
    const carried = read.questions.flatMap((q) => q.proposals)
    expect(carried.map((p) => p.num)).toEqual([`${plenum.seed.proposals[0]!.number}`, `${plenum.seed.proposals[1]!.number}`])
    expect(carried[0]!.heading).toBe(hostile)
    expect(carried[0]!.paragraphs[0]).toMatch(/^Dès demain, l’État /)
    expect(carried[0]!.paragraphs.at(-1)).toBe('Un alinéa ajouté par l’amendement.')
    expect(read.preamble.at(-1)).toBe('Le congrès rappelle ses statuts.')
    expect(read.work).toMatchObject({ date: motion.congress.date, country: 'fr' })
    expect(read.expression).toEqual({ date: motion.frozenAt.slice(0, 10), language: 'fra' })
    // The rejected proposal is no paragraph of the motion; the conclusions list it.
    const x = new AknReader(file)
    expect(x.texts('//akn:conclusions//akn:p').some((p) => p.startsWith(`Proposition ${plenum.seed.proposals[2]!.number} — `) && p.endsWith(': rejetée.'))).toBe(true)
  })

  test('each adopted amendment is an amendment document referring to what it amends, with its words before and after and its justification', async () => {
    const read = readMotionAkn(file)
    const { congress } = (await readSealSource(plenum.database.db, plenum.seed.congressId)).motion
    const motionWork = motionUris(congress, '').work
    const workOf = (label: string) => amendmentUris(congress, label, '').work
    const byLabel = new Map(read.amendments.map((a) => [a.number, a]))
    expect([...byLabel.keys()].sort()).toEqual([amendment.label, sub.label, preamble.label].sort())

    const main = byLabel.get(amendment.label)!
    expect(main.affected).toBe(motionWork)
    expect(main.heading).toBe(`Proposition ${plenum.seed.proposals[0]!.number} — ${hostile}`)
    // The proposal's first paragraph as it was, and as the amendment (with its sub-amendment) made it; the paragraph it added.
    expect(main.changes[0]!.before).toEqual([firstParagraph])
    expect(main.changes[0]!.after[0]).toMatch(/^Dès demain, l’État /)
    expect(main.changes.at(-1)!.after.at(-1)).toBe('Un alinéa ajouté par l’amendement.')
    expect(main.justification).toEqual(['Pour que l’État s’engage.', `Et ${hostile} & bien.`])

    const child = byLabel.get(sub.label)!
    expect(child.subtype).toBe('subAmendment')
    expect(child.affected).toBe(workOf(amendment.label))
    expect(child.related).toBe(motionWork)
    expect(child.changes).toEqual([{ before: [expect.stringMatching(/^Désormais, l’État /)], after: [expect.stringMatching(/^Dès demain, l’État /)] }])
    expect(child.justification).toEqual(['Plus net.'])

    const onPreamble = byLabel.get(preamble.label)!
    expect(onPreamble.heading).toBe('Préambule')
    expect(onPreamble.changes).toEqual([{ before: [], after: ['Le congrès rappelle ses statuts.'] }])
    expect(onPreamble.justification).toEqual([])
    // The motion names the two amendments that changed it (not the sub-amendment, which changed an amendment).
    expect([...read.passiveRefs].sort()).toEqual([workOf(amendment.label), workOf(preamble.label)].sort())
  })
})
