import { fileURLToPath } from 'node:url'
import { startChild, type Child } from './child.ts'
import type { Command } from './load.ts'

const loadScript = fileURLToPath(new URL('./load.ts', import.meta.url))

/** A load process and the way to ask it things: each answer is the next message of the awaited type. */
export interface Load {
  readonly child: Child
  ask<T extends { type: string }>(command: Command, answer: T['type'], timeoutMs?: number): Promise<T>
}

export async function startLoads(count: number): Promise<Load[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const child = await startChild(loadScript, [], { ready: /LOAD READY/, ipc: true })
      return {
        child,
        ask<T extends { type: string }>(command: Command, answer: T['type'], timeoutMs = 180_000) {
          return new Promise<T>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`load: no ${answer} after ${timeoutMs} ms`)), timeoutMs)
            const onMessage = (message: { type: string; message?: string }) => {
              if (message.type === 'error') reject(new Error(`load: ${message.message}`))
              else if (message.type !== answer) return
              clearTimeout(timer)
              child.process.off('message', onMessage)
              resolve(message as T)
            }
            child.process.on('message', onMessage)
            child.process.send(command)
          })
        },
      }
    }),
  )
}

export async function stopLoads(loads: readonly Load[]): Promise<void> {
  await Promise.all(loads.map((l) => l.child.stop()))
}
