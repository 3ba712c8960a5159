import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { FreezeView } from '../../shared/api-types.ts'
import { formatDocName, preambleDocId } from '../../shared/docs/doc-name.ts'
import type { MotionData } from '../../shared/motion/motion-data.ts'
import { call, checkIn, openedBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { importAndSignIn } from '../helpers/participants.ts'
import { connectSynced } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

// Titles the forms accept, each of which Markdown would read as structure at the start of a line.
const titles = ['# Un faux titre', '- une fausse puce', '> une fausse citation', '| a | b |', '1. une fausse liste', '~~~ une clôture', '=== souligné', '`code` *gras* <b>x</b> &amp;']
// Texts that reach the editors (a pasted Word text brings U+000B; a crafted update brings anything).
const paragraphs = [
  'Avant\u0001 le contrôle\u000B et après.',
  'Un paragraphe\n# Titre injecté\n\n- puce injectée\n> citation injectée',
  '    quatre espaces : un bloc de code ?',
  'Nul \u0000, échappement \u001b[31m, DEL \u007f, non-caractère \uffff.',
  '---',
]

const run = (command: string, args: string[], input?: string) => spawnSync(command, args, { encoding: 'utf8', input })
const decode = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&')

describe('texts with control characters and Markdown markers in the sealed motion', () => {
  let plenum: TestServer
  let bureau: string
  const work = makeTempDir('plenum-motion-chars-')

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
  })
  afterAll(async () => {
    await plenum?.close()
    work.remove()
  })

  test('the motion freezes; content.xml is well-formed XML; motion.md has exactly the motion’s headings, each text in its paragraph', async () => {
    const congress = `/congresses/${plenum.seed.congressId}`
    expect((await call(plenum, bureau, 'PATCH', congress, { title: '## Congrès | extraordinaire' })).status).toBe(200)
    const themes = (await call<{ themes: { id: string }[] }>(plenum, bureau, 'GET', congress)).body.themes
    for (const [i, theme] of themes.entries()) {
      const answer = await call(plenum, bureau, 'PATCH', `${congress}/themes/${theme.id}`, { title: titles[i % titles.length] })
      expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    }
    for (const [i, p] of plenum.seed.proposals.entries()) {
      const answer = await call(plenum, bureau, 'PATCH', `${congress}/proposals/${p.id}`, { title: titles[(i + 3) % titles.length] })
      expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    }
    // Details the forms refuse control characters in, but that an import or an older version wrote.
    await plenum.database.db.updateTable('congresses').set({ organisation: 'Fédération\u0001 des\u000Bélus', place: 'Lyon\n# la ville' }).where('id', '=', plenum.seed.congressId).execute()

    const preamble = await connectSynced(plenum.wsUrl, formatDocName({ congressId: plenum.seed.congressId, kind: 'preamble', id: preambleDocId }), bureau, 'bureau')
    const proposal = await connectSynced(plenum.wsUrl, plenum.seed.proposals[0]!.docName, bureau, 'bureau')
    for (const text of paragraphs) {
      preamble.appendParagraph(text)
      proposal.appendParagraph(text)
    }
    await roundTrip(preamble)
    await roundTrip(proposal)
    preamble.destroy()
    proposal.destroy()

    // The first proposal adopted, so that its paragraphs are in the motion too.
    const [voter] = await importAndSignIn(plenum, bureau, [{ name: 'Vera Votante', role: 'delegate' }])
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, [voter!.id])
    const ballot = await openedBallot(plenum, bureau, { kind: 'proposal', id: plenum.seed.proposals[0]!.id })
    expect((await vote(plenum, voter!.token, ballot.id, 'yes')).status).toBe(200)
    await step(plenum, bureau, ballot.id, 'close')
    await step(plenum, bureau, ballot.id, 'publish')

    const frozen = await call<FreezeView>(plenum, bureau, 'POST', `${congress}/freeze`)
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(200)
    const file = async (name: string) => new Uint8Array(await (await fetch(`${plenum.baseUrl}/api${congress}/bundle/${name}`, { headers: { authorization: `Bearer ${bureau}` } })).arrayBuffer())

    // motion.json keeps every text exactly as voted: the renderings are what changes.
    const motion = JSON.parse(new TextDecoder().decode(await file('motion.json'))) as MotionData
    expect(motion.preamble).toEqual(expect.arrayContaining(paragraphs))

    // content.xml, styles.xml and meta.xml parsed by libxml2, strictly.
    const odt = unzipSync(await file('motion.odt'))
    for (const part of ['content.xml', 'meta.xml', 'styles.xml']) {
      writeFileSync(join(work.path, part), odt[part]!)
      const lint = run('xmllint', ['--noout', join(work.path, part)])
      expect.soft(lint.status, `${part}: ${lint.stderr}`).toBe(0)
    }
    const content = new TextDecoder().decode(odt['content.xml'])
    expect(content).toContain('Avant\ufffd le contrôle  et après.')

    // motion.docx: every XML part well-formed for libxml2, the texts made printable as in the ODT.
    const docx = unzipSync(await file('motion.docx'))
    for (const [part, data] of Object.entries(docx).filter(([name]) => /\.(xml|rels)$/.test(name))) {
      const lint = spawnSync('xmllint', ['--noout', '-'], { input: data, encoding: 'utf8' })
      expect.soft(lint.status, `${part}: ${lint.stderr}`).toBe(0)
    }
    expect(new TextDecoder().decode(docx['word/document.xml'])).toContain('Avant\ufffd le contrôle')

    // motion.md through cmark, CommonMark's reference implementation: the headings are exactly
    // the motion's, nothing became a list, a quote, a rule or code, and each text is one paragraph.
    const md = new TextDecoder().decode(await file('motion.md'))
    const html = run('cmark', [], md).stdout
    const headings = [...html.matchAll(/<h(\d)>(.*?)<\/h\1>/g)].map(([, level, text]) => `${level} ${decode(text!)}`)
    const carried = motion.themes.flatMap((t) => t.proposals).filter((p) => p.outcome === 'adopted')
    expect(carried.map((p) => p.number)).toEqual([plenum.seed.proposals[0]!.number])
    const expected = [
      '1 ## Congrès | extraordinaire',
      '2 Préambule',
      ...motion.themes.flatMap((t) => [`2 ${t.position}. ${t.title}`, ...t.proposals.filter((p) => p.outcome === 'adopted').map((p) => `3 Proposition ${p.number} — ${p.title}`)]),
      '2 Propositions non retenues',
      '2 Annexe — amendements intégrés',
    ]
    expect(headings).toEqual(expected)
    expect(html).not.toMatch(/<(pre|code|blockquote|hr|table|ol)\b/)
    expect(html.match(/<ul>/g)).toHaveLength(1) // the proposals not carried, and nothing else
    const texts = [...html.matchAll(/<p>(.*?)<\/p>/gs)].map(([, text]) => decode(text!))
    for (const expectedText of ['Avant\ufffd le contrôle  et après.', 'Un paragraphe # Titre injecté  - puce injectée > citation injectée', 'quatre espaces : un bloc de code ?', 'Nul \ufffd, échappement \ufffd[31m, DEL \ufffd, non-caractère \ufffd.', '---']) {
      expect.soft(texts.filter((t) => t === expectedText), expectedText).toHaveLength(2) // in the preamble and in the proposal
    }
    expect(texts.some((t) => t.startsWith('Fédération\ufffd des élus'))).toBe(true)
  })
})
