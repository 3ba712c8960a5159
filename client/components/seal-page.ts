import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import type { CongressView, SealInfoView } from '../../shared/api-types.ts'
import { api, apiLinks } from '../api.ts'
import { language, t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'
import { checkSeal, type SealVerdict } from '../seal-check.ts'

const fetchFile = async (url: string): Promise<Uint8Array | undefined> => {
  const response = await fetch(url, { credentials: 'same-origin' })
  if (response.status === 404) return undefined
  if (!response.ok) throw new Error(`${url}: ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}

/** The seal checked here, in the browser, as the stock commands would check the bundle (seal-check.ts). */
async function verifySeal(congressId: string, seal: SealInfoView): Promise<SealVerdict> {
  const published = await fetch('/api/keys/public')
  if (!published.ok) throw new Error(`/api/keys/public: ${published.status}`)
  return checkSeal({
    publishedKeyPem: await published.text(),
    bundledKeyPem: seal.publicKeyPem,
    fingerprint: seal.publicKeyFingerprint,
    file: (name) => fetchFile(apiLinks.bundleFile(congressId, name)),
  })
}

/** The frozen motion and its seal: for advisors, and for every participant once it is sealed. */
export class SealPage extends LightElement {
  static override properties = { congress: { attribute: false } }
  declare congress: CongressView

  private readonly seal = new Task(this, { task: ([id]: readonly [string]) => api.seal(id), args: () => [this.congress.id] as const })
  private readonly verdict = new Task(this, {
    task: ([seal]: readonly [SealInfoView | undefined]) => (seal ? verifySeal(this.congress.id, seal) : undefined),
    args: () => [this.seal.value] as const,
  })

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
        <p>${m.v.frozenAt(new Date(seal.frozenAt).toLocaleString(language() === 'fr' ? 'fr-FR' : 'en-GB'))}</p>
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
        <p>${m.v.fingerprint} :</p>
        <p><code class="hash fingerprint">${seal.publicKeyFingerprint}</code></p>
        <p><a class="button" href=${apiLinks.bundle(this.congress.id)} download>${m.v.download}</a></p>
      </section>
      <section class="card" aria-labelledby="motion-heading">
        <h2 id="motion-heading">${m.v.motionText}</h2>
        <iframe class="motion-frame" title=${m.v.motionText} src=${apiLinks.bundleFile(this.congress.id, 'motion.html')}></iframe>
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
