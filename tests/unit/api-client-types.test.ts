import { hc } from 'hono/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError, createApi } from '../../client/api.ts'
import type { AppType } from '../../server/app.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/**
 * Type-checked by `tsc --noEmit` (npm test runs it before vitest), never called: each line marked
 * @ts-expect-error is a request the server would refuse, and it must not compile. Should one start
 * compiling, the directive itself becomes the error.
 */
export function requestsTheRoutesRefuseDoNotCompile(client: ReturnType<typeof hc<AppType>>, api: ReturnType<typeof createApi>): void {
  const congress = client.api.congresses[':id']
  // @ts-expect-error a phase is one of the phases' names, not a number
  void congress.phase.$post({ param: { id: 'c' }, json: { phase: 3 } })
  // @ts-expect-error nor any string
  void congress.phase.$post({ param: { id: 'c' }, json: { phase: 'party' } })
  // @ts-expect-error the phase is required
  void congress.phase.$post({ param: { id: 'c' }, json: {} })
  // @ts-expect-error the route takes a JSON body
  void congress.phase.$post({ param: { id: 'c' } })
  // @ts-expect-error no such path
  void congress.phases.$post({ param: { id: 'c' }, json: { phase: 'voting' } })
  // @ts-expect-error a GET route does not take a POST
  void client.api.session.$put({ json: { code: 'x' } })
  // @ts-expect-error the client's own methods take the same shapes
  void api.changePhase('c', 'party')
  // @ts-expect-error a vote's choice is yes, no or abstain
  void api.vote('b', { choice: 'maybe', clientVoteId: 'v', deviceNonce: 'n' })
}

describe('the typed API client against a real server', () => {
  let plenum: TestServer

  beforeAll(async () => {
    plenum = await startTestServer()
  })
  afterAll(async () => {
    await plenum.close()
  })

  it('sends the request shapes and reads the answers the routes declare', async () => {
    const session = await createApi(plenum.baseUrl).openSession(plenum.seed.bureauCode)
    expect(session.participant.role).toBe('bureau')

    const bureau = createApi(plenum.baseUrl, { headers: { authorization: `Bearer ${session.token}` } })
    const change = await bureau.changePhase(plenum.seed.congressId, 'amendments')
    expect(change).toEqual({ from: 'drafting', to: 'amendments' })
    const congress = await bureau.congress(plenum.seed.congressId)
    expect(congress.phase).toBe('amendments')
  })

  it('turns a refusal into an ApiError with the code, its parameters and the status', async () => {
    const session = await createApi(plenum.baseUrl).openSession(plenum.seed.bureauCode)
    const bureau = createApi(plenum.baseUrl, { headers: { authorization: `Bearer ${session.token}` } })
    const current = (await bureau.congress(plenum.seed.congressId)).phase
    const refused = await bureau.changePhase(plenum.seed.congressId, current).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused).toMatchObject({ status: 409, info: { code: 'phase_change_refused', from: current, to: current, refusal: 'same_phase' } })

    const wrongCode = await createApi(plenum.baseUrl).openSession('NOT-A-CODE').catch((error: unknown) => error)
    expect(wrongCode).toMatchObject({ status: 401, info: { code: 'invalid_code' } })
  })

  it('imports a CSV file, whose answer is checked on arrival, and says a refused input field by field', async () => {
    const session = await createApi(plenum.baseUrl).openSession(plenum.seed.bureauCode)
    const bureau = createApi(plenum.baseUrl, { headers: { authorization: `Bearer ${session.token}` } })
    const { participants } = await bureau.importParticipantsCsv(plenum.seed.congressId, 'name;organisation;email;role\nCamille Client;Ville;;delegate\n')
    expect(participants).toMatchObject([{ name: 'Camille Client', role: 'delegate', revoked: false, code: expect.any(String) }])

    const refused = await bureau.importParticipantsCsv(plenum.seed.congressId, 'name;organisation;email;role\nX;Ville;x@;delegate\n').catch((error: unknown) => error)
    expect(refused).toMatchObject({ status: 400, info: { code: 'invalid_rows', count: 1 }, details: [{ line: 2, field: 'email', rule: 'email' }] })
    const phase = await bureau.changePhase(plenum.seed.congressId, 'party' as 'voting').catch((error: unknown) => error)
    expect(phase).toMatchObject({ status: 400, info: { code: 'bad_request', field: 'phase' }, details: [{ field: 'phase', rule: 'one_of', values: ['setup', 'drafting', 'amendments', 'voting', 'frozen', 'delivered'] }] })
  })

  it('reports an unreachable server as a network error', async () => {
    const nowhere = createApi('http://127.0.0.1:1')
    await expect(nowhere.congress('c')).rejects.toMatchObject({ status: 0, info: { code: 'network' } })
  })
})
