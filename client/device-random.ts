import { bytesToHex } from '@noble/hashes/utils.js'

/**
 * Random values drawn on this device. crypto.getRandomValues exists in every browser context,
 * secure or not; crypto.randomUUID and crypto.subtle do not exist on a phone that reaches Plenum
 * over plain HTTP on the hall's Wi-Fi, so the vote path uses only this.
 */
export function randomHex(byteCount: number): string {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(byteCount)))
}
