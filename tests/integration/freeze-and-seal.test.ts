import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { FreezeView, SealInfoView } from '../../shared/api-types.ts'
import type { MotionData } from '../../shared/motion/motion-data.ts'
import { defaultBallotRule } from '../../shared/ballots/ballot-rule.ts'
import { numberLines } from '../../shared/amendments/text-diff.ts'
import { docText } from '../../shared/editor/doc-state.ts'
import { buildBundle, sha256Hex } from '../../server/seal/bundle.ts'
import { keyPath, loadOrCreateKeys } from '../../server/seal/keys.ts'
import { readSealSource } from '../../server/seal/seal-source.ts'
import { readBundle, verifyBundle } from '../../server/seal/verify-bundle.ts'
import { bundleForgeries, rejectedAsExpected, stockCheck, tryForgeries } from '../helpers/bundle-forgeries.ts'
import { call, checkIn, openedBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { connectSynced } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { convertWithLibreOffice } from '../helpers/libreoffice.ts'
import { pdfFontList, pdfInfo, pdfStructure, pdfXmp, unmarkedPainting } from '../helpers/pdf-structure.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { replaceText } from '../helpers/text-edit.ts'
import { waitFor } from '../helpers/wait-for.ts'

const artifactsDir = fileURLToPath(new URL('../artifacts', import.meta.url))
const plenumBin = fileURLToPath(new URL('../../bin/plenum.js', import.meta.url))
const sh = (cwd: string, command: string) => spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8' })
const verifyCli = (path: string, key?: string) => spawnSync(process.execPath, [plenumBin, 'verify', path, ...(key ? ['--key', key] : [])], { encoding: 'utf8' })

describe('freezing and sealing the motion', () => {
  let plenum: TestServer
  let bureau: string
  let anne: Signed
  let voters: Signed[]
  let zip: Uint8Array
  const work = makeTempDir('plenum-bundle-')

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    voters = await importAndSignIn(plenum, bureau, [
      { name: 'Anne Autrice', role: 'delegate' },
      { name: 'Bruno Votant', role: 'attendee' },
      { name: 'Chloé Votante', role: 'attendee' },
    ])
    anne = voters[0]!
  })
  afterAll(async () => {
    await plenum.close()
    work.remove()
  })

  const congressPath = () => `/congresses/${plenum.seed.congressId}`

  test('an open editor’s update after the freeze reaches no one and is not stored; every write answers 409', async () => {
    // A merged amendment, three published ballots, and an amendment still being written.
    await setPhase(plenum, bureau, 'amendments')
    const proposal = plenum.seed.proposals[0]!
    const merged = (await call(plenum, anne.token, 'POST', `/proposals/${proposal.id}/amendments`, {})).body
    const mergedEditor = await connectSynced(plenum.wsUrl, merged.docName, anne.token)
    replaceText(mergedEditor.doc, docText(mergedEditor.doc).split(' ')[0]!, 'Désormais, l’État')
    await roundTrip(mergedEditor)
    mergedEditor.destroy()
    await call(plenum, anne.token, 'POST', `/amendments/${merged.id}/submit`)
    await call(plenum, bureau, 'POST', `/amendments/${merged.id}/ruling`, { admissible: true })
    const pending = (await call(plenum, anne.token, 'POST', `/proposals/${plenum.seed.proposals[1]!.id}/amendments`, {})).body

    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, voters.map((v) => v.id))
    for (const subject of [{ kind: 'amendment' as const, id: merged.id }, { kind: 'proposal' as const, id: proposal.id }, { kind: 'proposal' as const, id: plenum.seed.proposals[2]!.id }]) {
      const ballot = await openedBallot(plenum, bureau, subject)
      for (const [i, v] of voters.entries()) await vote(plenum, v.token, ballot.id, subject.id === plenum.seed.proposals[2]!.id ? 'no' : i === 2 ? 'abstain' : 'yes')
      await step(plenum, bureau, ballot.id, 'close')
      await step(plenum, bureau, ballot.id, 'publish')
    }
    await setPhase(plenum, bureau, 'amendments')

    const writer = await connectSynced(plenum.wsUrl, pending.docName, anne.token, 'anne')
    const watcher = await connectSynced(plenum.wsUrl, pending.docName, bureau, 'watcher')
    writer.appendParagraph('Avant le gel.')
    await waitFor(() => watcher.text().includes('Avant le gel.'), 'the edit before the freeze')

    const open = await openedBallot(plenum, bureau, { kind: 'motion' }).catch((e: Error) => e)
    expect(open).toBeInstanceOf(Error) // no ballot outside the voting phase
    const frozen = await call<FreezeView>(plenum, bureau, 'POST', `${congressPath()}/freeze`)
    expect(frozen.status).toBe(200)
    expect(frozen.body.manifestSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(Buffer.from(frozen.body.signature, 'base64')).toHaveLength(64)

    const stored = () => plenum.log.size(pending.docName)
    const before = await stored()
    await waitFor(() => writer.provider.wsconnected, 'the editor stays connected, read-only')
    writer.appendParagraph('Après le gel.')
    await roundTrip(writer)
    await roundTrip(watcher)
    expect(watcher.text()).not.toContain('Après le gel.')
    expect(docText(plenum.server.sync.rooms.get(pending.docName)!.doc)).not.toContain('Après le gel.')
    expect(await stored()).toEqual(before)
    writer.destroy()
    watcher.destroy()

    const writes: [string, string, unknown][] = [
      ['PATCH', congressPath(), { place: 'Lyon' }],
      ['POST', `${congressPath()}/themes`, { title: 'Une cinquième question' }],
      ['POST', `${congressPath()}/phase`, { phase: 'voting' }],
      ['POST', `${congressPath()}/freeze`, {}],
      ['POST', `/proposals/${proposal.id}/amendments`, {}],
      ['POST', `/amendments/${pending.id}/withdraw`, {}],
      ['POST', `/amendments/${merged.id}/merge`, {}],
      ['POST', '/ballots', { congressId: plenum.seed.congressId, subject: { kind: 'motion' } }],
      ['PUT', `${congressPath()}/ballot-rule`, defaultBallotRule],
      ['PUT', `${congressPath()}/attendance/${anne.id}`, { present: false }],
      ['POST', `${congressPath()}/proxies`, { giverId: anne.id, holderId: voters[1]!.id }],
    ]
    for (const [method, path, body] of writes) {
      const answer = await call(plenum, bureau, method, path, body)
      expect.soft(answer.status, `${method} ${path}`).toBe(409)
      expect.soft(['phase_forbids', 'conflict'], `${method} ${path}: ${JSON.stringify(answer.body)}`).toContain(answer.body?.error?.code)
    }
  })

  test('the bundle passes sha256sum -c, openssl and plenum verify; rendered again, every file is the same bytes', async () => {
    const answer = await fetch(`${plenum.baseUrl}/api${congressPath()}/bundle`, { headers: { authorization: `Bearer ${voters[1]!.token}` } })
    expect(answer.headers.get('content-type')).toBe('application/zip')
    zip = new Uint8Array(await answer.arrayBuffer())
    writeFileSync(join(work.path, 'bundle.zip'), zip)
    const folder = join(work.path, 'fresh')
    execFileSync('unzip', ['-q', '-d', folder, join(work.path, 'bundle.zip')])
    const dir = join(folder, readdirSync(folder)[0]!)
    expect(readdirSync(dir).sort()).toEqual(['SHA256SUMS', 'SHA256SUMS.sig', 'VERIFY.txt', 'audit.json', 'board.json', 'comparative.docx', 'comparative.md', 'comparative.odt', 'comparative.pdf', 'manifest.json', 'minutes.docx', 'minutes.en.md', 'minutes.en.pdf', 'minutes.md', 'minutes.odt', 'minutes.pdf', 'motion.akn.xml', 'motion.docx', 'motion.html', 'motion.json', 'motion.md', 'motion.odt', 'motion.pdf', 'public-key.pem', 'results.json'])
    // SHA256SUMS lists every file but itself and its signature.
    const listed = readFileSync(join(dir, 'SHA256SUMS'), 'utf8').trim().split('\n').map((line) => line.slice(66)).sort()
    expect(listed).toEqual(readdirSync(dir).filter((n) => !n.startsWith('SHA256SUMS')).sort())

    // The stock check, as VERIFY.txt gives it: openssl with the published key, then sha256sum.
    const published = join(work.path, 'published.pem')
    writeFileSync(published, await (await fetch(`${plenum.baseUrl}/api/keys/public`)).text())
    const openssl = sh(dir, `openssl pkeyutl -verify -pubin -inkey ${published} -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig`)
    expect(openssl.stdout).toContain('Signature Verified Successfully')
    expect(sh(dir, 'sha256sum -c SHA256SUMS').status).toBe(0)
    expect(stockCheck(dir, published).passed).toBe(true)
    const verifyTxt = readFileSync(join(dir, 'VERIFY.txt'), 'utf8')
    expect(verifyTxt).toContain('-rawin -in SHA256SUMS -sigfile SHA256SUMS.sig')
    expect(verifyTxt).toContain('sha256sum -c SHA256SUMS')
    const verified = verifyCli(join(work.path, 'bundle.zip'), published)
    expect(verified.status, verified.stdout + verified.stderr).toBe(0)
    expect(verified.stdout).toContain('3 ballots recounted')
    expect(verified.stdout).toContain('3 ballots match their ballot.closed entries')
    expect(verified.stdout).toContain('with the key given with --key')
    // Without --key, plenum verify says plainly whose key it trusted, and its fingerprint.
    const bundled = verifyCli(dir)
    expect(bundled.status).toBe(0)
    const fingerprint = sh(dir, 'openssl pkey -pubin -in public-key.pem -outform DER | sha256sum').stdout.slice(0, 64)
    expect(bundled.stdout).toContain('the key inside the bundle')
    expect(bundled.stdout.replace(/ /g, '')).toContain(fingerprint)

    const seal = (await call<SealInfoView>(plenum, voters[1]!.token, 'GET', `${congressPath()}/seal`)).body
    expect(seal.publicKeyFingerprint.replace(/ /g, '')).toBe(fingerprint)
    expect(seal.manifestSha256).toBe(sha256Hex(readFileSync(join(dir, 'manifest.json'))))

    // Rendered twice from the frozen data: the same bytes, file by file.
    const keys = loadOrCreateKeys(plenum.dataDir)
    const [first, second] = [await buildBundle(await readSealSource(plenum.database.db, plenum.seed.congressId), keys), await buildBundle(await readSealSource(plenum.database.db, plenum.seed.congressId), keys)]
    for (const [name, data] of first.files) {
      expect(sha256Hex(second.files.get(name)!), name).toBe(sha256Hex(data))
      expect(sha256Hex(data), `${name} as served`).toBe(sha256Hex(readFileSync(join(dir, name))))
    }
   }, 60_000)

  test('one byte changed in any file fails each check that covers it', async () => {
    const folder = join(work.path, 'fresh')
    const pristine = join(folder, readdirSync(folder)[0]!)
    const published = join(work.path, 'published.pem')
    for (const name of readdirSync(pristine)) {
      const dir = join(work.path, `tampered-${name}`)
      cpSync(pristine, dir, { recursive: true })
      const bytes = readFileSync(join(dir, name))
      bytes[Math.floor(bytes.length / 2)]! ^= 0x01
      writeFileSync(join(dir, name), bytes)
      if (!name.startsWith('SHA256SUMS')) expect.soft(sh(dir, 'sha256sum -c --quiet SHA256SUMS').status, `sha256sum, ${name}`).not.toBe(0)
      if (name.startsWith('SHA256SUMS')) {
        expect.soft(sh(dir, `openssl pkeyutl -verify -pubin -inkey ${published} -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig`).status, `openssl, ${name}`).not.toBe(0)
      }
      expect.soft(stockCheck(dir, published).passed, `stock check, ${name}`).toBe(false)
      const result = verifyBundle(readBundle(dir), readFileSync(published, 'utf8'))
      expect.soft(result.ok, `plenum verify, ${name}`).toBe(false)
      if (!result.ok) expect.soft(result.failure, `plenum verify names ${name}`).toContain(name)
    }
    const cli = verifyCli(join(work.path, 'tampered-motion.pdf'), published)
    expect(cli.status).toBe(1)
    expect(cli.stderr).toContain('motion.pdf')
  }, 60_000)

  test('forged bundles: the stock commands reject every forgery made without the key, plenum verify every one, naming what failed', async () => {
    const folder = join(work.path, 'fresh')
    const pristine = join(folder, readdirSync(folder)[0]!)
    const published = join(work.path, 'published.pem')
    const sealKeyPem = readFileSync(keyPath(plenum.dataDir), 'utf8')
    const outcomes = tryForgeries(pristine, work.path, published, { sealKeyPem })
    for (const outcome of outcomes) {
      const { forgery } = outcome
      if (forgery.rejectedBy !== 'verify') expect.soft(outcome.stockPassed, `stock commands, ${forgery.name}: ${outcome.stockOutput}`).toBe(false)
      expect.soft(outcome.verifyFailure, `plenum verify, ${forgery.name}`).toContain(forgery.names)
      expect.soft(rejectedAsExpected(outcome), forgery.name).toBe(true)
    }
    expect(outcomes.length).toBeGreaterThanOrEqual(12)

    // The issue's forgery, step by step: sha256sum alone is fooled, openssl with the published key is not.
    const issue = join(work.path, 'forgery-1')
    expect(sh(issue, 'sha256sum -c --quiet SHA256SUMS').status).toBe(0)
    expect(sh(issue, `openssl pkeyutl -verify -pubin -inkey ${published} -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig`).status).not.toBe(0)
    const cli = verifyCli(issue, published)
    expect(cli.status).toBe(1)
    expect(cli.stderr).toContain('SHA256SUMS.sig')

    // A swapped key passes only for whoever trusts the key inside the bundle: plenum verify says so,
    // and the fingerprint it prints is not the published one.
    const swapped = join(work.path, `forgery-${bundleForgeries.findIndex((f) => f.name.includes('public-key.pem swapped')) + 1}`)
    const trusting = verifyCli(swapped)
    expect(trusting.status, trusting.stdout + trusting.stderr).toBe(0)
    expect(trusting.stdout).toContain('WARNING: no --key given, so this trusted the key inside the bundle')
    const publishedFingerprint = sh(work.path, `openssl pkey -pubin -in ${published} -outform DER | sha256sum`).stdout.slice(0, 64)
    expect(trusting.stdout.replace(/ /g, '')).not.toContain(publishedFingerprint)
    expect(verifyCli(swapped, published).status).toBe(1)
  }, 120_000)

  test('the PDF holds every proposal, the ODT is a well-formed OpenDocument text', async () => {
    const folder = join(work.path, 'fresh')
    const dir = join(folder, readdirSync(folder)[0]!)
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'motion.pdf'), '-']).toString().replace(/\s+/g, ' ')
    for (const proposal of plenum.seed.proposals) expect.soft(text, `proposal ${proposal.number}`).toContain(`Proposition ${proposal.number} —`)
    expect(text).toContain('Désormais, l’État')
    expect(text).toContain('P1-A1')
    expect(execFileSync('pdfinfo', [join(dir, 'motion.pdf')]).toString()).toMatch(/CreationDate:/)
    // Tagged PDF/A-2a: the structure tree holds the motion's headings and texts in reading order.
    expect(pdfInfo(join(dir, 'motion.pdf'))).toMatchObject({ Tagged: 'yes', 'PDF version': '1.7' })
    const tree = pdfStructure(join(dir, 'motion.pdf'))
    const motion = JSON.parse(readFileSync(join(dir, 'motion.json'), 'utf8')) as MotionData
    const carried = motion.themes.flatMap((t) => t.proposals).filter((p) => p.outcome === 'adopted')
    expect(carried.length).toBeGreaterThan(0)
    expect(tree.filter((n) => /^H\d$/.test(n.tag)).map((n) => `${n.tag} ${n.text}`)).toEqual([
      `H1 ${motion.congress.title} — motion`,
      'H2 Préambule',
      ...motion.themes.flatMap((t) => [`H2 ${t.position}. ${t.title}`, ...t.proposals.filter((p) => p.outcome === 'adopted').map((p) => `H3 Proposition ${p.number} — ${p.title}`)]),
      'H2 Propositions non retenues',
      'H2 Annexe — amendements intégrés',
    ])
    expect(tree.filter((n) => n.tag === 'P').some((n) => n.text.includes('Désormais, l’État'))).toBe(true)
    expect(pdfXmp(join(dir, 'motion.pdf'))).toContain('<pdfaid:part>2</pdfaid:part>')
    for (const font of pdfFontList(join(dir, 'motion.pdf'))) expect(font, font.name).toMatchObject({ embedded: true, unicode: true })
    expect(unmarkedPainting(join(dir, 'motion.pdf'))).toEqual([])
    // Every PDF of the bundle (the motion, the minutes, the comparative table) is a tagged PDF/A-2a.
    const pdfs = readdirSync(dir).filter((name) => name.endsWith('.pdf'))
    expect(pdfs.length).toBeGreaterThanOrEqual(1)
    for (const name of pdfs) {
      const file = join(dir, name)
      expect.soft(pdfInfo(file), name).toMatchObject({ Tagged: 'yes', 'PDF version': '1.7' })
      expect.soft(pdfXmp(file), name).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>A<\/pdfaid:conformance>/)
      expect.soft(pdfStructure(file)[1], name).toMatchObject({ tag: 'H1' })
      expect.soft(unmarkedPainting(file), name).toEqual([])
      for (const font of pdfFontList(file)) expect.soft(font, `${name}: ${font.name}`).toMatchObject({ embedded: true, unicode: true })
    }
    mkdirSync(artifactsDir, { recursive: true })
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', join(dir, 'motion.pdf'), join(artifactsDir, 'motion-pdf')])

    const odt = unzipSync(readFileSync(join(dir, 'motion.odt')))
    const raw = readFileSync(join(dir, 'motion.odt'))
    // ODF: "mimetype" first, stored, its content right after the local header.
    expect(raw.subarray(30, 38).toString()).toBe('mimetype')
    expect(raw.readUInt16LE(8)).toBe(0)
    expect(raw.subarray(38, 38 + 39).toString()).toBe('application/vnd.oasis.opendocument.text')
    const manifest = new TextDecoder().decode(odt['META-INF/manifest.xml'])
    for (const part of ['content.xml', 'styles.xml', 'meta.xml']) {
      expect(manifest).toContain(`manifest:full-path="${part}"`)
      const xml = join(work.path, part)
      writeFileSync(xml, odt[part]!)
      const parsed = spawnSync('python3', ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])', xml], { encoding: 'utf8' })
      expect.soft(parsed.status, `${part} is well-formed XML: ${parsed.stderr}`).toBe(0)
    }
    const content = new TextDecoder().decode(odt['content.xml'])
    for (const proposal of plenum.seed.proposals) expect.soft(content).toContain(`Proposition ${proposal.number} —`)
  }, 120_000)

  test('motion.docx and motion.odt open in LibreOffice and read back with every proposal; motion.docx is dated the freeze', () => {
    const folder = join(work.path, 'fresh')
    const dir = join(folder, readdirSync(folder)[0]!)
    const motion = JSON.parse(readFileSync(join(dir, 'motion.json'), 'utf8')) as MotionData
    mkdirSync(artifactsDir, { recursive: true })
    // Distinct names: LibreOffice names each conversion after its input.
    cpSync(join(dir, 'motion.docx'), join(work.path, 'motion-docx.docx'))
    cpSync(join(dir, 'motion.odt'), join(work.path, 'motion-odt.odt'))
    const [docxPdf, odtPdf] = convertWithLibreOffice([join(work.path, 'motion-docx.docx'), join(work.path, 'motion-odt.odt')], 'pdf', work.path)
    for (const [format, pdf] of [['docx', docxPdf!], ['odt', odtPdf!]] as const) {
      const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, ' ')
      for (const proposal of motion.themes.flatMap((t) => t.proposals)) expect.soft(text, `${format}: proposal ${proposal.number}`).toContain(`Proposition ${proposal.number} —`)
      expect.soft(text, format).toContain('Désormais, l’État')
      expect.soft(text, format).toContain('P1-A1')
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(artifactsDir, `motion-${format}-libreoffice`)])
    }
    // The same numbered lines as motion.pdf: each carried proposal's first line, after its number.
    const docxText = execFileSync('pdftotext', ['-layout', docxPdf!, '-']).toString().replace(/\s+/g, ' ')
    const pdfText = execFileSync('pdftotext', [join(dir, 'motion.pdf'), '-']).toString().replace(/\s+/g, ' ')
    for (const proposal of motion.themes.flatMap((t) => t.proposals).filter((p) => p.outcome === 'adopted')) {
      const first = numberLines(proposal.paragraphs)[0]!
      expect(docxText).toContain(`${first.number} ${first.text.trim()}`)
      expect(pdfText).toContain(first.text.trim())
    }
    const core = new TextDecoder().decode(unzipSync(readFileSync(join(dir, 'motion.docx')))['docProps/core.xml'])
    const frozenAt = `${motion.frozenAt.split('.')[0]}Z`
    expect(core).toMatch(new RegExp(`<dcterms:created [^>]*>${frozenAt}</dcterms:created>`))
    expect(core).toContain(`<dc:title>${motion.congress.title} — motion</dc:title>`)
  }, 120_000)

  test('the key lives in the data folder, private to its owner; the API and plenum key show give the same fingerprint', async () => {
    const { statSync } = await import('node:fs')
    expect(statSync(keyPath(plenum.dataDir)).mode & 0o777).toBe(0o600)
    const response = await fetch(`${plenum.baseUrl}/api/keys/public`)
    expect(await response.text()).toMatch(/^-----BEGIN PUBLIC KEY-----/)
    const shown = spawnSync(process.execPath, [plenumBin, 'key', 'show', '--data', plenum.dataDir, '--json'], { encoding: 'utf8' })
    expect(shown.status, shown.stderr).toBe(0)
    const { fingerprint } = JSON.parse(shown.stdout) as { fingerprint: string }
    expect(fingerprint.replace(/ /g, '')).toBe(response.headers.get('x-key-fingerprint'))
    const seal = (await call<SealInfoView>(plenum, anne.token, 'GET', `${congressPath()}/seal`)).body
    expect(seal.publicKeyFingerprint).toBe(fingerprint)
  })

  test('the seal’s reads and deliveries say what went wrong by code: an unknown bundle file, a bad delivery field by field (and nothing delivered)', async () => {
    const missing = await call(plenum, anne.token, 'GET', `${congressPath()}/bundle/manifest.sig`)
    expect(missing.status).toBe(404)
    expect(missing.body.error).toMatchObject({ code: 'bundle_file_not_found', file: 'manifest.sig' })
    const outside = await call(plenum, anne.token, 'GET', `${congressPath()}/bundle/plenum.db`)
    expect(outside.status).toBe(404)
    expect(outside.body.error).toMatchObject({ code: 'bundle_file_not_found', file: 'plenum.db' })

    const bad = await call(plenum, bureau, 'POST', `${congressPath()}/deliveries`, { advisorName: '', institution: 'Élysée', date: '2026-13-45', channel: 'a\u0007b' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('bad_request')
    expect((bad.body.error.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['advisorName', 'channel', 'date'])

    expect(plenum.server.hub.phaseOf(plenum.seed.congressId)).toBe('frozen')
  })

  test('after a restart the congress is still frozen, and the bundle renders to the same bytes', async () => {
    rmSync(join(plenum.dataDir, 'bundles'), { recursive: true, force: true })
    await plenum.server.close()
    const { startServer } = await import('../../server/server.ts')
    const again = await startServer({ database: plenum.database, dataDir: plenum.dataDir, port: 0, host: '127.0.0.1' })
    try {
      const congress = await fetch(`http://127.0.0.1:${again.port}/api${congressPath()}`, { headers: { authorization: `Bearer ${bureau}` } })
      expect(((await congress.json()) as { phase: string }).phase).toBe('frozen')
      const rezipped = new Uint8Array(await (await fetch(`http://127.0.0.1:${again.port}/api${congressPath()}/bundle`, { headers: { authorization: `Bearer ${bureau}` } })).arrayBuffer())
      expect(sha256Hex(rezipped)).toBe(sha256Hex(zip))
    } finally {
      await again.close()
    }
  })
})
