import { execFileSync } from 'node:child_process'

/** Clock ticks per second, the unit of /proc/<pid>/stat's CPU times (100 on Linux, asked once). */
export const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100
  } catch {
    return 100
  }
})()
