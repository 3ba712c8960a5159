import { bearer } from './participants.ts'

/** Reads a server-sent event stream, collecting its events. */
export function openEvents(url: string, token: string) {
  const events: { event: string; data: unknown }[] = []
  const controller = new AbortController()
  const done = (async () => {
    const response = await fetch(url, { headers: bearer(token), signal: controller.signal })
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return 'ended'
      buffer += value
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event = /^event: (.*)$/m.exec(block)?.[1]
        const data = /^data: (.*)$/m.exec(block)?.[1]
        if (event && data) events.push({ event, data: JSON.parse(data) })
      }
    }
  })().catch(() => 'aborted')
  return { events, close: () => controller.abort(), done }
}
