import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { numberLines } from '../../shared/amendments/text-diff.ts'
import type { AmendmentDetailView, AmendmentView } from '../../shared/api-types.ts'
import { createDocState, editorSchema, paragraphsToContent } from '../../shared/editor/doc-state.ts'
import { docField } from '../../shared/editor/extensions.ts'
import { insertAmendment } from '../helpers/amendments.ts'
import { largeTextCase } from '../helpers/large-texts.ts'
import { bearer } from '../helpers/participants.ts'
import { setStoredState } from '../helpers/stored-documents.ts'
import { forcePhase, startTestServer, type TestServer } from '../helpers/test-server.ts'

/** `state` rewritten to `paragraphs` as an editor would: the old text's items deleted, the new ones added. */
function rewritten(state: Uint8Array, paragraphs: readonly string[]): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  prosemirrorJSONToYXmlFragment(editorSchema, paragraphsToContent(paragraphs), doc.getXmlFragment(docField))
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

describe('an amendment that rewrites a 20,000-word proposal', () => {
  let plenum: TestServer
  let token: string
  let amendmentId: string
  let competitorId: string
  const { base, amended } = largeTextCase('rewrite-20000')

  beforeAll(async () => {
    plenum = await startTestServer()
    const bureau = await plenum.login()
    token = bureau.token
    // The proposal's stored text becomes the long one, then an amendment forks it and rewrites it all.
    const proposal = plenum.seed.proposals[0]!
    await setStoredState(plenum, proposal.docName, createDocState(paragraphsToContent(base)))
    const amendment = await insertAmendment(plenum, { authorId: bureau.participant.id, status: 'submitted' })
    amendmentId = amendment.id
    const forked = (await plenum.log.load(amendment.docName))!
    await setStoredState(plenum, amendment.docName, rewritten(Y.mergeUpdates([forked.state, ...forked.updates]), amended))
    // A second one, submitted, rewrites the same text its own way: the two compete for every line.
    const competitor = await insertAmendment(plenum, { authorId: bureau.participant.id, status: 'submitted' })
    competitorId = competitor.id
    const copy = (await plenum.log.load(competitor.docName))!
    await setStoredState(plenum, competitor.docName, rewritten(Y.mergeUpdates([copy.state, ...copy.updates]), largeTextCase('rewrite-4000').amended))
  })
  afterAll(async () => {
    await plenum?.close()
  })

  const get = (path: string) => fetch(`${plenum.baseUrl}${path}`, { headers: bearer(token) })

  /** Health checks one after another until `request` answers: how many got in while it was under way. */
  async function answeredMeanwhile(request: Promise<Response>): Promise<{ response: Response; healthAnswers: number }> {
    let response: Response | undefined
    void request.then((r) => (response = r))
    let healthAnswers = 0
    while (!response) {
      const health = await fetch(`${plenum.baseUrl}/api/health`)
      expect(health.status).toBe(200)
      if (!response) healthAnswers += 1
    }
    return { response, healthAnswers }
  }

  test('the list and the detail answer with every line changed, and the server answers other requests meanwhile', async () => {
    const everyLine = [{ from: 1, to: numberLines(base).length }]
    const { response: listed, healthAnswers } = await answeredMeanwhile(get(`/api/congresses/${plenum.seed.congressId}/amendments`))
    expect(listed.status).toBe(200)
    const { amendments } = (await listed.json()) as { amendments: AmendmentView[] }
    expect(amendments.find((a) => a.id === amendmentId)?.changedLines).toEqual(everyLine)
    expect(amendments.find((a) => a.id === amendmentId)?.competing).toEqual([amendments.find((a) => a.id === competitorId)!.label])
    // A diff that blocked the event loop would have let at most the first of them in.
    expect(healthAnswers).toBeGreaterThanOrEqual(3)

    const detail = await get(`/api/amendments/${amendmentId}`)
    expect(detail.status).toBe(200)
    expect(((await detail.json()) as AmendmentDetailView).changedLines).toEqual(everyLine)
  })

  test('merging it computes the competition off the event loop too, and flags the competitor', async () => {
    await forcePhase(plenum, 'amendments')
    await plenum.database.db.updateTable('amendments').set({ status: 'adopted' }).where('id', '=', amendmentId).execute()
    const merge = fetch(`${plenum.baseUrl}/api/amendments/${amendmentId}/merge`, { method: 'POST', headers: bearer(token) })
    const { response, healthAnswers } = await answeredMeanwhile(merge)
    expect(response.status).toBe(200)
    expect(healthAnswers).toBeGreaterThanOrEqual(3)
    const competitor = (await (await get(`/api/amendments/${competitorId}`)).json()) as AmendmentDetailView
    expect(competitor.overlapsMerged).toHaveLength(1)
  })
})
