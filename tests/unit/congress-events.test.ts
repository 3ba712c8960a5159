import { describe, expect, test } from 'vitest'
import { congressEventTypes, decodeCongressEvent, encodeCongressEvent, type CongressEvent } from '../../shared/congress-events.ts'

/** One of each, as the server sends them. */
const samples: readonly CongressEvent[] = [
  { type: 'phase', phase: 'voting' },
  { type: 'presence', online: [{ id: 'p1', name: 'Anne', role: 'delegate' }], docs: { 'proposal/x': ['p1'] } },
  { type: 'structure' },
  { type: 'amendments' },
  { type: 'amendment-texts' },
  { type: 'texts' },
  { type: 'ballots', ballotId: 'b1' },
  { type: 'participation', ballotId: 'b1', voted: 3, rights: 10 },
  { type: 'attendance' },
  { type: 'projector', ballotId: null },
  { type: 'floor' },
  { type: 'notifications' },
]

describe('the congress event stream’s events (shared/congress-events.ts)', () => {
  test('every event goes over the wire as its name and JSON data, and comes back the same', () => {
    expect(samples.map((e) => e.type).sort()).toEqual([...congressEventTypes].sort())
    for (const event of samples) {
      const { event: name, data } = encodeCongressEvent(event)
      expect(name).toBe(event.type)
      expect(JSON.parse(data)).not.toHaveProperty('type')
      expect(decodeCongressEvent(name, data)).toEqual(event)
    }
  })

  test('the wire format is the one clients already read: the data is the event without its type', () => {
    expect(encodeCongressEvent({ type: 'phase', phase: 'frozen' })).toEqual({ event: 'phase', data: '{"phase":"frozen"}' })
    expect(encodeCongressEvent({ type: 'structure' })).toEqual({ event: 'structure', data: '{}' })
  })

  test('what is not an event of this version is dropped, not guessed', () => {
    expect(decodeCongressEvent('phase', '{"phase":"adjourned"}')).toBeUndefined()
    expect(decodeCongressEvent('phase', 'not json')).toBeUndefined()
    expect(decodeCongressEvent('presence', '{"online":[{"id":"p1","name":"Anne","role":"king"}],"docs":{}}')).toBeUndefined()
    expect(decodeCongressEvent('presence', '{"online":[],"docs":{"d":[1]}}')).toBeUndefined()
    expect(decodeCongressEvent('participation', '{"ballotId":"b1","voted":-1,"rights":10}')).toBeUndefined()
    expect(decodeCongressEvent('ballots', '{}')).toBeUndefined()
    expect(decodeCongressEvent('projector', '{"ballotId":3}')).toBeUndefined()
    expect(decodeCongressEvent('weather', '{}')).toBeUndefined()
  })
})
