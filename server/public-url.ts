/** Where people open Plenum: PUBLIC_URL if set (behind a proxy), else the address this request used. */
export function publicBase(requestUrl: string): string {
  return (process.env.PUBLIC_URL ?? new URL(requestUrl).origin).replace(/\/$/, '')
}
