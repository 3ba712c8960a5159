import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemo, type DemoSeed } from '../../server/services/seed-demo.ts'
import type { FiledAmendmentView } from '../../shared/api-types.ts'
import { docText } from '../../shared/editor/doc-state.ts'
import { CloseCode } from '../../shared/sync/close-codes.ts'
import { call } from '../helpers/ballots.ts'
import { connectSynced, nextClose, type TestClient } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { startPostgresProcesses, type PostgresProcesses } from '../helpers/postgres-processes.ts'
import { waitFor } from '../helpers/wait-for.ts'

/** The close code, or 'still open' after 5 s. */
const within = (closed: Promise<number>) => Promise.race([closed, new Promise<string>((resolve) => setTimeout(resolve, 5_000, 'still open'))])

/**
 * A process that has not heard of a decision yet (its events are still on their way, or lost) must
 * not store an edit the decision forbids: the database refuses the append, whatever the process
 * believes. Process B here never hears process A (another Redis prefix), the slowest a process can be.
 */
describe('a process that has not heard of a decision yet', () => {
  let cluster: PostgresProcesses
  const clients: TestClient[] = []
  let seed: DemoSeed
  /** A second congress, for the freeze. */
  let other: DemoSeed
  const servers = () => cluster.servers
  const at = (i: number) => cluster.at(i)
  const signIn = (i: number, code?: string) => cluster.signIn(i, code)
  /** The text as the database holds it (state and log). */
  const storedText = async (name: string) => {
    const stored = (await cluster.handles[0]!.documents.load(name))!
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.mergeUpdates([stored.state, ...stored.updates]))
    return docText(doc)
  }

  beforeAll(async () => {
    cluster = await startPostgresProcesses(2, (i, prefix) => (i === 0 ? prefix : `${prefix}deaf:`))
    seed = cluster.seed
    other = await seedDemo(cluster.handles[0]!.db, Date.now())
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await cluster.close()
  })

  test('an edit B accepts after A locked the base texts is not stored; B’s editor is disconnected and comes back read-only', async () => {
    const [tokenA, tokenB] = [await signIn(0), await signIn(1)]
    const docName = seed.proposals[0]!.docName
    const editor = await connectSynced(`ws://127.0.0.1:${servers()[1]!.port}/sync`, docName, tokenB, 'bureau on B')
    clients.push(editor)
    editor.appendParagraph('Écrit en rédaction.')
    await roundTrip(editor)
    expect(await storedText(docName)).toContain('Écrit en rédaction.')

    expect((await call(at(0), tokenA, 'POST', `/congresses/${seed.congressId}/phase`, { phase: 'amendments' })).status).toBe(200)
    // The attack's condition: B still believes the base texts are open.
    expect(servers()[1]!.hub.phaseOf(seed.congressId)).toBe('drafting')

    const closed = nextClose(editor.provider)
    editor.appendParagraph('Écrit après le verrou.')
    expect(await within(closed)).toBe(CloseCode.ServerError)
    expect(await storedText(docName)).not.toContain('Écrit après le verrou.')
    // B read the phase again: its editor, back, is refused, and the text still lacks the late edit.
    await waitFor(async () => (await servers()[1]!.hub.phase(seed.congressId)) === 'amendments', 'B reads the phase from the database', 10_000)
    await waitFor(() => editor.provider.synced, 'B’s editor back', 10_000)
    await roundTrip(editor)
    expect(await storedText(docName)).not.toContain('Écrit après le verrou.')
  })

  test('an edit B accepts after A froze the motion is neither stored nor sealed', async () => {
    const [tokenA, tokenB] = [await signIn(0, other.bureauCode), await signIn(1, other.bureauCode)]
    // B opens the amendments itself: it knows this phase.
    expect((await call(at(1), tokenB, 'POST', `/congresses/${other.congressId}/phase`, { phase: 'amendments' })).status).toBe(200)
    const filed = await call<FiledAmendmentView>(at(1), tokenB, 'POST', `/proposals/${other.proposals[1]!.id}/amendments`, { justification: 'Plus clair.' })
    expect(filed.status).toBe(201)
    const author = await connectSynced(`ws://127.0.0.1:${servers()[1]!.port}/sync`, filed.body.docName, tokenB, 'author on B')
    clients.push(author)
    author.appendParagraph('Amendement avant le gel.')
    await roundTrip(author)

    expect((await call(at(0), tokenA, 'POST', `/congresses/${other.congressId}/freeze`)).status).toBe(200)
    expect(servers()[1]!.hub.phaseOf(other.congressId)).toBe('amendments')

    const closed = nextClose(author.provider)
    author.appendParagraph('Amendement après le gel.')
    expect(await within(closed)).toBe(CloseCode.ServerError)
    const stored = await storedText(filed.body.docName)
    expect(stored).toContain('Amendement avant le gel.')
    expect(stored).not.toContain('Amendement après le gel.')
    // What was sealed is what the database holds.
    const frozen = await cluster.handles[0]!.db.selectFrom('frozen_documents').select('state_v2').where('doc_name', '=', filed.body.docName).executeTakeFirstOrThrow()
    const doc = new Y.Doc()
    Y.applyUpdateV2(doc, frozen.state_v2)
    expect(docText(doc)).toBe(stored)
  })

  test('an author’s edit B accepts after A ruled on the amendment is not stored', async () => {
    const [tokenA, tokenB] = [await signIn(0), await signIn(1)]
    const filed = await call<FiledAmendmentView>(at(1), tokenB, 'POST', `/proposals/${seed.proposals[2]!.id}/amendments`, { justification: 'À statuer.' })
    expect(filed.status).toBe(201)
    expect((await call(at(1), tokenB, 'POST', `/amendments/${filed.body.id}/submit`)).status).toBe(200)
    const author = await connectSynced(`ws://127.0.0.1:${servers()[1]!.port}/sync`, filed.body.docName, tokenB, 'author on B')
    clients.push(author)
    author.appendParagraph('Avant la décision du bureau.')
    await roundTrip(author)

    expect((await call(at(0), tokenA, 'POST', `/amendments/${filed.body.id}/ruling`, { admissible: true })).status).toBe(200)
    const closed = nextClose(author.provider)
    author.appendParagraph('Après la décision du bureau.')
    expect(await within(closed)).toBe(CloseCode.ServerError)
    const stored = await storedText(filed.body.docName)
    expect(stored).toContain('Avant la décision du bureau.')
    expect(stored).not.toContain('Après la décision du bureau.')
  })
})
