/**
 * The link on an access card, in its QR code, and in the bureau's start-up message. The code is in
 * the fragment: a browser never sends it to a server, so it is in no access log, no proxy's log,
 * no Referer; the join page reads it from location.hash.
 */
export function joinLink(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/$/, '')}/join#code=${encodeURIComponent(code)}`
}

/** The code in what the desk scanned or typed: a code, a join link (fragment), or an older /join/CODE or ?code= link. */
export function codeFromScan(scanned: string): string {
  const text = scanned.trim()
  const param = /[#?&]code=([^&#\s]*)/.exec(text)?.[1]
  if (param !== undefined) {
    try {
      return decodeURIComponent(param)
    } catch {
      return param
    }
  }
  const path = text.lastIndexOf('/join/')
  return path >= 0 ? text.slice(path + 6) : text
}
