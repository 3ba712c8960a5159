/**
 * Random values drawn on this device. crypto.getRandomValues exists in every browser context,
 * secure or not; crypto.randomUUID and crypto.subtle do not exist on a phone that reaches Plenum
 * over plain HTTP on the hall's Wi-Fi, so the vote path uses only this.
 */
export function randomHex(byteCount: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(byteCount))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
