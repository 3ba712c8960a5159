import { secureHeaders } from 'hono/secure-headers'

/**
 * The Content-Security-Policy: scripts, styles and connections from Plenum's own origin only: no
 * inline script, no inline <style>, no eval, no frames around Plenum, nothing posted elsewhere.
 * Styles that the client sets at run time go through the CSSOM (lit's styleMap, Tiptap's caret),
 * which the policy does not govern.
 */
const policy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} satisfies Record<string, string[]>

/**
 * The policy's text for a page that carries the app's own script and styles inside it
 * (server/static-client.ts), allowed by their SHA-256 digests (base64): those exact bytes and
 * nothing else, so a script injected into the page still does not run.
 */
export function policyAllowing(inside: { readonly scriptSha256: string; readonly styleSha256?: string }): string {
  const directives: Record<string, string[]> = {
    ...policy,
    scriptSrc: [...policy.scriptSrc, `'sha256-${inside.scriptSha256}'`],
    styleSrc: inside.styleSha256 ? [...policy.styleSrc, `'sha256-${inside.styleSha256}'`] : policy.styleSrc,
  }
  return Object.entries(directives)
    .map(([name, values]) => [name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`), ...values].join(' '))
    .join('; ')
}

/**
 * Headers on every response: the policy above, no frames, no referrer (join links carry access
 * codes).
 */
export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: policy,
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    permissionsPolicy: { camera: false, microphone: false, geolocation: false, payment: false },
    // A response that sets its own policy keeps it: the sealed motion.html, shown with its inline
    // style, and the phone's first page, which carries the app inside it (policyAllowing).
    overwrite: false,
  })
}
