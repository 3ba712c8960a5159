#!/usr/bin/env node
// npm test: type-check, then every test (unit, integration, browser), then one closing line
// that CI reads: "tests: N passed, N failed".
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = (name) => join(root, 'node_modules', '.bin', name)
const extra = process.argv.slice(2)

console.log('› type-check (tsc --noEmit)')
const typecheck = spawnSync(bin('tsc'), ['--noEmit', '-p', root], { stdio: 'inherit', cwd: root })
const typecheckPassed = typecheck.status === 0

const reportDir = mkdtempSync(join(tmpdir(), 'plenum-report-'))
const reportFile = join(reportDir, 'report.json')
const vitest = spawnSync(
  bin('vitest'),
  ['run', '--config', 'tests/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...extra],
  { stdio: 'inherit', cwd: root },
)

let passed = typecheckPassed ? 1 : 0
let failed = typecheckPassed ? 0 : 1
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests
  // A file that fails to load has no test results of its own: count it, or it would pass unseen.
  failed += report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length
} catch {
  failed += 1
  console.error('vitest wrote no report')
}
rmSync(reportDir, { recursive: true, force: true })
if (vitest.status !== 0 && failed === 0) failed = 1

console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
