import { secureHeaders } from 'hono/secure-headers'

/**
 * Headers on every response. The Content-Security-Policy allows scripts, styles and connections
 * from Plenum's own origin only: no inline script, no inline <style>, no eval, no frames around
 * Plenum, nothing posted elsewhere. Styles that the client sets at run time go through the CSSOM
 * (lit's styleMap, Tiptap's caret), which the policy does not govern. No referrer: join links
 * carry access codes.
 */
export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: {
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
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    permissionsPolicy: { camera: false, microphone: false, geolocation: false, payment: false },
    // A route that sets its own policy keeps it (the sealed motion.html, shown with its inline style).
    overwrite: false,
  })
}
