import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { docText } from '../../shared/editor/doc-state.ts'
import { docField } from '../../shared/editor/extensions.ts'
import { waitFor } from './wait-for.ts'

export interface TestClient {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  text(): string
  /** Appends a paragraph, as an editor would when someone types a new line. */
  appendParagraph(text: string): void
  destroy(): void
}

/** The stock y-websocket provider in Node, exactly as the issue names it, over a real socket. */
export function connectClient(wsUrl: string, docName: string, token: string | undefined, name = 'test'): TestClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(wsUrl, docName, doc, {
    params: token ? { token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  provider.awareness.setLocalStateField('user', { name, color: '#1d4ed8' })
  return {
    doc,
    provider,
    text: () => docText(doc),
    appendParagraph(text) {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(text)])
      const fragment = doc.getXmlFragment(docField)
      fragment.insert(fragment.length, [paragraph])
    },
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

export async function connectSynced(wsUrl: string, docName: string, token: string, name?: string): Promise<TestClient> {
  const client = connectClient(wsUrl, docName, token, name)
  await waitFor(() => client.provider.synced, `${name ?? 'client'} to sync ${docName}`)
  return client
}

/** Resolves with the close code of the provider's first closed socket. */
export function nextClose(provider: WebsocketProvider): Promise<number> {
  return new Promise((resolve) => {
    const listener = (event: CloseEvent | null) => {
      provider.off('connection-close', listener)
      resolve(event?.code ?? -1)
    }
    provider.on('connection-close', listener)
  })
}

/** Opens a bare socket at `url`: resolves with its close code, or the HTTP status if the handshake was refused. */
export function handshakeOutcome(url: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url)
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.on('close', (code) => resolve(code))
    ws.on('error', () => undefined)
  })
}
