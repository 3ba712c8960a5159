import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CloseCode } from '../../shared/sync/close-codes.ts'
import { connectClient, nextClose } from '../helpers/providers.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/** Opens a raw socket and collects what the server sends before it closes. */
function rawSocket(url: string, headers: Record<string, string> = {}): Promise<{ code: number; frames: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    let frames = 0
    ws.on('message', () => frames++)
    ws.on('close', (code) => resolve({ code, frames }))
    ws.on('error', reject)
  })
}

describe('sync socket credentials', () => {
  let plenum: TestServer
  let token: string
  let docName: string

  beforeAll(async () => {
    plenum = await startTestServer()
    token = (await plenum.login()).token
    docName = plenum.seed.proposals[0]!.docName
  })
  afterAll(() => plenum.close())

  test('no token: closed with 4401 before any document data', async () => {
    expect(await rawSocket(`${plenum.wsUrl}/${docName}`)).toEqual({ code: CloseCode.Unauthorized, frames: 0 })
  })

  test('a wrong token: 4401, and the stock provider stops retrying', async () => {
    const client = connectClient(plenum.wsUrl, docName, 'not-a-session')
    expect(await nextClose(client.provider)).toBe(CloseCode.Unauthorized)
    expect(client.provider.shouldConnect).toBe(false)
    client.destroy()
  })

  test('the session cookie is a credential too', async () => {
    const response = await fetch(`${plenum.baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: plenum.seed.bureauCode }),
    })
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!
    const ws = new WebSocket(`${plenum.wsUrl}/${docName}`, { headers: { cookie } })
    const first = await new Promise<Buffer>((resolve, reject) => {
      ws.once('message', (data) => resolve(data as Buffer))
      ws.once('close', (code) => reject(new Error(`closed ${code}`)))
    })
    expect(first[0]).toBe(0) // a sync message: the server accepted the cookie
    ws.close()
  })

  test('a name that addresses no document: 4404', async () => {
    for (const name of [`${plenum.seed.congressId}/proposal/nope`, 'nothing', `${plenum.seed.congressId}/ballot/x`, `x/proposal/${plenum.seed.proposals[0]!.id}`]) {
      const result = await rawSocket(`${plenum.wsUrl}/${name}?token=${token}`)
      expect.soft(result.code, name).toBeOneOf([CloseCode.NotFound, CloseCode.Forbidden])
      expect.soft(result.frames, name).toBe(0)
    }
    const unknown = await rawSocket(`${plenum.wsUrl}/${plenum.seed.congressId}/proposal/nope?token=${token}`)
    expect(unknown.code).toBe(CloseCode.NotFound)
  })
})
