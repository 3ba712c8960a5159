/**
 * A device as a person recognises it ("Chrome", "Android"), from the User-Agent: enough to tell
 * one's phone from someone else's laptop in one's sign-ins, without keeping the whole header
 * (which, with the time, would fingerprint the device). Empty strings when it says nothing known.
 */
export interface DeviceLabel {
  readonly browser: string
  readonly os: string
}

// Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari", iPads may say "Macintosh".
const browsers: readonly [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bCriOS\/|\b(Headless)?Chrom(e|ium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/\bcurl\//, 'curl'],
]

const systems: readonly [RegExp, string][] = [
  [/\bAndroid\b/, 'Android'],
  [/\biPhone\b|\biPod\b/, 'iOS'],
  [/\biPad\b/, 'iPadOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
]

export function deviceLabel(userAgent: string | undefined | null): DeviceLabel {
  const ua = (userAgent ?? '').slice(0, 512)
  const browser = browsers.find(([pattern]) => pattern.test(ua))?.[1] ?? ''
  const os = systems.find(([pattern]) => pattern.test(ua))?.[1] ?? ''
  return { browser, os }
}
