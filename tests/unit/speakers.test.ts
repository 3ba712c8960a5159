import { describe, expect, test } from 'vitest'
import { speakersQueue, type FloorRequest, type FloorStance, type SpeakerRules, type SpokenTurn } from '../../shared/floor/speakers.ts'

/** "Anne+" asks to speak for, "Bruno-" against, "Chloé!" on a point of order; in the order written. */
function asked(...entries: string[]): FloorRequest[] {
  return entries.map((entry, i) => {
    const stance: FloorStance = entry.endsWith('+') ? 'for' : entry.endsWith('-') ? 'against' : 'order'
    return { id: `r${i}`, participantId: entry.slice(0, -1), stance, askedAt: 1_000 + i }
  })
}
const spokeAs = (...entries: string[]): SpokenTurn[] => asked(...entries).map(({ participantId, stance }) => ({ participantId, stance }))
const names = (queue: readonly FloorRequest[]) => queue.map((r) => `${r.participantId}${r.stance === 'for' ? '+' : r.stance === 'against' ? '-' : '!'}`)

const both: SpeakerRules = { alternate: true, firstTimersFirst: true }
const none: SpeakerRules = { alternate: false, firstTimersFirst: false }

describe('the list of speakers', () => {
  test.each([
    ['both switches off: in the order asked', asked('Anne+', 'Bruno+', 'Chloé-'), [], none, ['Anne+', 'Bruno+', 'Chloé-']],
    ['pour and contre in turn, the first asked opening', asked('Anne+', 'Bruno+', 'Chloé-', 'Denis-'), [], both, ['Anne+', 'Chloé-', 'Bruno+', 'Denis-']],
    ['after a pour, a contre speaks next', asked('Bruno+', 'Chloé-'), spokeAs('Anne+'), both, ['Chloé-', 'Bruno+']],
    ['one side has no one left: the other follows in order', asked('Anne+', 'Bruno+', 'Chloé+', 'Denis-'), [], both, ['Anne+', 'Denis-', 'Bruno+', 'Chloé+']],
    ['those who have not spoken on the item go first', asked('Anne+', 'Bruno+'), spokeAs('Anne-', 'Zoé+'), { alternate: false, firstTimersFirst: true }, ['Bruno+', 'Anne+']],
    ['first timers within each side, then alternation', asked('Anne+', 'Bruno+', 'Chloé-', 'Denis-'), spokeAs('Anne+', 'Chloé-'), both, ['Bruno+', 'Denis-', 'Anne+', 'Chloé-']],
    ['a point of order jumps the queue, whoever asked first', asked('Anne+', 'Bruno-', 'Chloé!'), [], both, ['Chloé!', 'Anne+', 'Bruno-']],
    ['points of order among themselves in the order asked; they do not count as a side', asked('Anne+', 'Chloé!', 'Denis!'), spokeAs('Zoé-', 'Yves!'), both, ['Chloé!', 'Denis!', 'Anne+']],
    ['no one waiting', [], spokeAs('Anne+'), both, []],
  ] as const)('%s', (_name, waiting, spoken, rules, expected) => {
    expect(names(speakersQueue(waiting, spoken, rules))).toEqual(expected)
  })

  test('the order of arrival decides between requests asked at the same millisecond, by id', () => {
    const same = [
      { id: 'b', participantId: 'Bruno', stance: 'for' as const, askedAt: 5 },
      { id: 'a', participantId: 'Anne', stance: 'for' as const, askedAt: 5 },
    ]
    expect(names(speakersQueue(same, [], none))).toEqual(['Anne+', 'Bruno+'])
  })
})
