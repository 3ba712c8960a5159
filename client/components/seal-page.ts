import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import type { CongressView, SealInfoView } from '../../shared/api-types.ts'
import { dateTimeWords } from '../../shared/record/record-dates.ts'
import { api, apiLinks } from '../api.ts'
import { language, t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'
import { sealedDisplay, type MotionDisplay } from '../motion-display.ts'
import { checkSeal, type SealVerdict } from '../seal-check.ts'
import './motion-text.ts'
import { withColon } from '../i18n/colon.ts'

const fetchFile = async (url: string): Promise<Uint8Array | undefined> => {
  const response = await fetch(url, { credentials: 'same-origin' })
  if (response.status === 404) return undefined
  if (!response.ok) throw new Error(`${url}: ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}

/** A bundle's files, each fetched once: the motion shown is the very bytes the check read. */
type BundleFiles = (name: string) => Promise<Uint8Array | undefined>

function bundleFiles(congressId: string): BundleFiles {
  const fetched = new Map<string, Promise<Uint8Array | undefined>>()
  return (name) => {
    const file = fetched.get(name) ?? fetchFile(apiLinks.bundleFile(congressId, name))
    fetched.set(name, file)
    return file
  }
}

/** The sealed motion as the page draws it, from the bundle's motion.json; undefined if it cannot be read as one. */
async function sealedMotion(files: BundleFiles): Promise<MotionDisplay | undefined> {
  const bytes = await files('motion.json')
  if (!bytes) return undefined
  try {
    return sealedDisplay(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)))
  } catch {
    return undefined
  }
}

/** The seal checked here, in the browser, as the stock commands would check the bundle (seal-check.ts). */
async function verifySeal(congressId: string, seal: SealInfoView, files: BundleFiles): Promise<SealVerdict> {
  const published = await fetch('/api/keys/public')
  if (!published.ok) throw new Error(`/api/keys/public: ${published.status}`)
  return checkSeal({
    publishedKeyPem: await published.text(),
    bundledKeyPem: seal.publicKeyPem,
    fingerprint: seal.publicKeyFingerprint,
    file: files,
  })
}

/** The frozen motion and its seal: for advisors, and for every participant once it is sealed. */
export class SealPage extends LightElement {
  static override properties = { congress: { attribute: false } }
  declare congress: CongressView

  private readonly seal = new Task(this, { task: ([id]: readonly [string]) => api.seal(id), args: () => [this.congress.id] as const })
  /** The files of the bundle this page read, for the check and the motion alike. */
  private files: { readonly seal: SealInfoView; readonly read: BundleFiles } | undefined
  private filesOf(seal: SealInfoView): BundleFiles {
    if (this.files?.seal !== seal) this.files = { seal, read: bundleFiles(this.congress.id) }
    return this.files.read
  }
  private readonly verdict = new Task(this, {
    task: ([seal]: readonly [SealInfoView | undefined]) => (seal ? verifySeal(this.congress.id, seal, this.filesOf(seal)) : undefined),
    args: () => [this.seal.value] as const,
  })
  private readonly motion = new Task(this, {
    task: ([seal]: readonly [SealInfoView | undefined]) => (seal ? sealedMotion(this.filesOf(seal)) : undefined),
    args: () => [this.seal.value] as const,
  })
  private lineNumbers = false

  override render() {
    const m = t()
    const seal = this.seal.value
    if (!seal) return this.seal.render({ pending: () => html`<p role="status">${m.loading}</p>`, error: () => html`<p role="alert" class="error">${m.genericError}</p>` })
    return html`
      <nav aria-label=${m.breadcrumb} class="breadcrumb"><a href=${paths.congress(this.congress.id)}>${this.congress.title}</a></nav>
      <h1>${m.v.sealTitle}</h1>
      <p>${m.v.sealIntro}</p>
      <section class="card seal-card" aria-labelledby="seal-heading">
        <h2 id="seal-heading">${this.congress.title}</h2>
        <p class="frozen-at">${m.v.frozenAt(dateTimeWords(seal.frozenAt, this.congress.timeZone, language()))}</p>
        <div aria-live="polite" class="verdict">
          ${this.verdict.render({
            initial: () => html`<p role="status">${m.v.verifying}</p>`,
            pending: () => html`<p role="status">${m.v.verifying}</p>`,
            complete: (verdict) =>
              !verdict
                ? html`<p role="status">${m.v.verifying}</p>`
                : verdict.kind === 'valid'
                  ? html`<p class="ok signature-valid"><strong>✓ ${m.v.signatureValid}</strong></p>
                      <p>${m.v.signatureValidDetail(verdict.files)}</p>
                      <p class="verified-by">${m.v.verifiedBy(verdict.engine)}</p>`
                  : html`<p class="error" role="alert"><strong>${m.v.signatureInvalid(verdict.what)}</strong></p>
                      <p class="verified-by">${m.v.verifiedBy(verdict.engine)}</p>`,
            // Never silent: a check that could not run says so, and where to check instead.
            error: (error) => html`<p class="error" role="alert">${m.v.verifyFailed(error instanceof Error ? error.message : String(error))}</p>`,
          })}
        </div>
        <p>${withColon(m.v.fingerprint)}</p>
        <p><code class="hash fingerprint">${seal.publicKeyFingerprint}</code></p>
        <p><a class="button" href=${apiLinks.bundle(this.congress.id)} download>${m.v.download}</a></p>
      </section>
      <section class="sealed-motion" aria-labelledby="motion-heading">
        <h2 id="motion-heading">${m.mo.sealedHeading}</h2>
        <p class="motion-intro">${m.mo.sealedIntro}</p>
        ${this.motion.render({
          pending: () => html`<p role="status">${m.loading}</p>`,
          complete: (motion) =>
            motion
              ? html`<div class="motion-tools" role="group" aria-label=${m.mo.tools}>
                    <label class="motion-toggle"
                      ><input type="checkbox" .checked=${this.lineNumbers} @change=${(e: Event) => ((this.lineNumbers = (e.target as HTMLInputElement).checked), this.requestUpdate())} /> ${m.mo.lineNumbers}</label
                    >
                    <button type="button" class="link-button" @click=${() => window.print()}>${m.mo.print}</button>
                  </div>
                  <plenum-motion-text .motion=${motion} .lineNumbers=${this.lineNumbers}></plenum-motion-text>`
              : html`<p class="error" role="alert">${m.mo.sealedUnreadable}</p>`,
          error: () => html`<p class="error" role="alert">${m.mo.sealedUnreadable}</p>`,
        })}
      </section>
      <section class="card" aria-labelledby="files-heading">
        <h2 id="files-heading">${m.v.files}</h2>
        <ul class="file-list">
          ${seal.files.map((f) => html`<li><a href=${apiLinks.bundleFile(this.congress.id, f.name)} download>${f.name}</a> <code class="hash">${f.sha256}</code></li>`)}
          <li><a href=${apiLinks.bundleFile(this.congress.id, 'manifest.json')} download>manifest.json</a> <code class="hash">${seal.manifestSha256}</code></li>
          ${['SHA256SUMS', 'SHA256SUMS.sig'].map((name) => html`<li><a href=${apiLinks.bundleFile(this.congress.id, name)} download>${name}</a></li>`)}
        </ul>
        <h3>${m.v.verifyCommands}</h3>
        <p>${m.v.verifyStockIntro} <a href="/api/keys/public" download="cle-publiee.pem">${m.v.publishedKey}</a></p>
        <pre class="hash stock-commands"><code>openssl pkeyutl -verify -pubin -inkey cle-publiee.pem -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig
sha256sum -c SHA256SUMS</code></pre>
        <p><a href=${apiLinks.bundleFile(this.congress.id, 'VERIFY.txt')}>VERIFY.txt</a></p>
      </section>
      ${nothing}
    `
  }
}

customElements.define('plenum-seal-page', SealPage)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-seal-page': SealPage
  }
}
