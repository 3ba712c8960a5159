/** Runs `fn` once, `ms` after the first of any number of calls to `soon()` within that time. */
export function coalesce(ms: number, fn: () => unknown) {
  let timer: NodeJS.Timeout | undefined
  return {
    soon() {
      timer ??= setTimeout(() => {
        timer = undefined
        void fn()
      }, ms)
    },
    cancel: () => clearTimeout(timer),
  }
}
