// npx tsx tests/bench/word-diff.ts: the word diff of large texts, each in a fresh child process
// (tests/helpers/word-diff-child.ts), run 5 times: CPU time of the first run (cold) and of the last
// (compiled), and the process's peak RSS (Node and tsx alone take some 80 MB of it).
// Standalone, beside `npm run bench`: the figures for SECURITY.md / BENCHMARKS.md's findings.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { LargeTextCase } from '../helpers/large-texts.ts'

const child = fileURLToPath(new URL('../helpers/word-diff-child.ts', import.meta.url))
const cases: { name: LargeTextCase; label: string }[] = [
  { name: 'rewrite-4000', label: '4,000 words fully rewritten' },
  { name: 'rewrite-20000', label: '20,000 words fully rewritten' },
  { name: 'edits-20000', label: '20,000 words, 1 in 25 replaced' },
  { name: 'cap-rewrite', label: 'the text cap (100,000 characters) in one-letter words, rewritten' },
]
// Each figure is the median of BENCH_RUNS child processes (default 3).
const runs = Number(process.env.BENCH_RUNS ?? 3)

console.log('| diff | CPU, first run | CPU, fifth run | peak RSS |\n| --- | --- | --- | --- |')
for (const { name, label } of cases) {
  const reports = Array.from({ length: runs }, () => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', child, name, '5'], { encoding: 'utf8' }).trim().split('\n').at(-1)!) as { cpuMs: number; warmCpuMs: number; maxRssMb: number })
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]
  console.log(`| ${label} | ${median(reports.map((r) => r.cpuMs))} ms | ${median(reports.map((r) => r.warmCpuMs))} ms | ${Math.max(...reports.map((r) => r.maxRssMb))} MB |`)
}
