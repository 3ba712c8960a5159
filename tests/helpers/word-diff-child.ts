// Run by tests/unit/text-diff-scale.test.ts and tests/bench/word-diff.ts in a child process with
// little memory: `node --import tsx word-diff-child.ts <case> [runs]`. Diffs one large text and
// prints, as one JSON line, what the diff shows (both texts rebuilt from it, the words deleted and
// inserted, the lines touched) and what it cost (peak RSS; CPU of the first run, and of the last
// when there are several: the code then compiled, as in a server that has been up for a while).
import { diffParagraphs, numberLines, type TextDiff } from '../../shared/amendments/text-diff.ts'
import { largeTextCase, type LargeTextCase } from './large-texts.ts'

/** A text as the diff shows it, keeping 'same' and one side's changes; paragraphs joined by "\n". */
export function rebuild(diff: TextDiff, keep: 'ins' | 'del'): string {
  let text = ''
  diff.lines.forEach((line, i) => {
    // An unchanged paragraph break is no segment: a line that starts a paragraph after the first carries one.
    if (i > 0 && line.paragraphStart && !diff.lines[i - 1]!.segments.at(-1)?.paragraphBreak) text += '\n'
    for (const s of line.segments) if (s.kind === 'same' || s.kind === keep) text += s.paragraphBreak ? '\n' : s.text
  })
  return text
}

const countWords = (diff: TextDiff, kind: 'ins' | 'del') =>
  diff.lines.reduce((sum, line) => sum + line.segments.filter((s) => s.kind === kind).reduce((n, s) => n + (s.text.match(/\S+/g)?.length ?? 0), 0), 0)

const name = process.argv[2] as LargeTextCase
const { base, amended } = largeTextCase(name)
const runs = Number(process.argv[3] ?? 1)
const cpuMs: number[] = []
let diff!: TextDiff
for (let run = 0; run < runs; run++) {
  const cpu = process.cpuUsage()
  diff = diffParagraphs(base, amended)
  const used = process.cpuUsage(cpu)
  cpuMs.push(Math.round((used.user + used.system) / 1000))
}
console.log(
  JSON.stringify({
    baseMatches: rebuild(diff, 'del') === base.join('\n'),
    amendedMatches: rebuild(diff, 'ins') === amended.join('\n'),
    deletedWords: countWords(diff, 'del'),
    insertedWords: countWords(diff, 'ins'),
    changed: diff.changed,
    baseLines: numberLines(base).length,
    cpuMs: cpuMs[0],
    warmCpuMs: cpuMs.at(-1),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
)
