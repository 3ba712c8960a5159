/**
 * The wall's text size, chosen by the bureau for its room and kept on the device that drives the
 * projector (localStorage): the same laptop in the same room opens the wall at the same size.
 * Steps, not free values: CSS reads them as `data-text-size` (an inline style would be refused by
 * the Content-Security-Policy).
 */
export const textSizeSteps = [80, 90, 100, 115, 130, 150, 175] as const
export type TextSize = (typeof textSizeSteps)[number]

const key = 'plenum.projector.textSize'
const defaultSize: TextSize = 100

const isStep = (value: number): value is TextSize => (textSizeSteps as readonly number[]).includes(value)

export function savedTextSize(): TextSize {
  try {
    const value = Number(localStorage.getItem(key))
    return isStep(value) ? value : defaultSize
  } catch {
    return defaultSize // storage refused (private mode): the default, every time
  }
}

/** One step up (+1) or down (-1), kept; the same size at either end. */
export function stepTextSize(size: TextSize, direction: 1 | -1): TextSize {
  const index = textSizeSteps.indexOf(size) + direction
  const next = textSizeSteps[Math.min(textSizeSteps.length - 1, Math.max(0, index))]!
  try {
    localStorage.setItem(key, String(next))
  } catch {
    // kept for this page only
  }
  return next
}
