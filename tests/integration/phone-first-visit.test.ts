import { afterAll, expect, test } from 'vitest'
import { phoneFirstVisit } from '../bench/phone-first-visit.ts'
import { startPlenum, type PlenumServer } from '../bench/servers.ts'

let server: PlenumServer | undefined
afterAll(async () => {
  await server?.stop()
})

/**
 * `npm run bench`'s first visit of a phone to the vote page, once, so that the bench never rots. No
 * time is asserted; the bytes are, loosely: compressed, the vote page comes in under 400 kB even when
 * the editor's script (the subject's live text, fetched beside the button) has arrived too, where its
 * raw scripts weigh some 870 kB.
 */
test('a phone’s first visit to the vote page, on Fast 3G, Slow 3G and loopback, gets its Pour button', async () => {
  server = await startPlenum()
  const visits = await phoneFirstVisit(server, 1)
  for (const network of ['Fast 3G', 'Slow 3G', 'loopback'] as const) {
    expect(Number.isFinite(visits[network].ms), network).toBe(true)
    expect(visits[network].kB, network).toBeGreaterThan(20)
    expect(visits[network].kB, network).toBeLessThan(400)
  }
  // The throttled visits take longer than the bare one: the emulation is in force.
  expect(visits['Slow 3G'].ms).toBeGreaterThan(visits.loopback.ms)
}, 180_000)
