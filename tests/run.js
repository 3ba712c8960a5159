#!/usr/bin/env node
// npm test: type-check, then every test (unit, integration, browser) on SQLite, then every test
// that starts a whole Plenum again on PostgreSQL + Redis (tests/backends.js), then one closing line
// that CI reads and that counts both passes: "tests: N passed, N failed".
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { postgresPassFiles } from './backends.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = (name) => join(root, 'node_modules', '.bin', name)
const extra = process.argv.slice(2)

console.log('› type-check (tsc --noEmit)')
const typecheck = spawnSync(bin('tsc'), ['--noEmit', '-p', root], { stdio: 'inherit', cwd: root })
const typecheckPassed = typecheck.status === 0

/** One vitest run; its counts, read from its JSON report. */
function vitestPass(label, args, env = {}) {
  console.log(`› ${label}`)
  const reportDir = mkdtempSync(join(tmpdir(), 'plenum-report-'))
  const reportFile = join(reportDir, 'report.json')
  const vitest = spawnSync(
    bin('vitest'),
    ['run', '--config', 'tests/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...args],
    { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } },
  )
  let passed = 0
  let failed = 0
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'))
    passed += report.numPassedTests
    failed += report.numFailedTests
    // A file that fails to load has no test results of its own: count it, or it would pass unseen.
    failed += report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length
  } catch {
    failed += 1
    console.error(`${label}: vitest wrote no report`)
  }
  rmSync(reportDir, { recursive: true, force: true })
  if (vitest.status !== 0 && failed === 0) failed = 1
  console.log(`${label}: ${passed} passed, ${failed} failed`)
  return { passed, failed }
}

let passed = typecheckPassed ? 1 : 0
let failed = typecheckPassed ? 0 : 1
const passes = [vitestPass('SQLite', extra)]
// Arguments (a file, -t) narrow the SQLite pass only; PLENUM_TEST_BACKENDS=sqlite skips the second pass.
if (extra.length === 0 && process.env.PLENUM_TEST_BACKENDS !== 'sqlite') {
  passes.push(vitestPass('PostgreSQL + Redis', postgresPassFiles(root), { PLENUM_TEST_BACKEND: 'postgres' }))
}
for (const pass of passes) {
  passed += pass.passed
  failed += pass.failed
}

console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
