import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import type { CongressView, SealInfoView } from '../../shared/api-types.ts'
import { api, apiLinks } from '../api.ts'
import { language, t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'

type Verdict = { readonly kind: 'valid'; readonly files: number } | { readonly kind: 'invalid'; readonly what: string } | { readonly kind: 'unsupported' }

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('')
const fetchBytes = async (url: string) => {
  const response = await fetch(url, { credentials: 'same-origin' })
  if (!response.ok) throw new Error(`${url}: ${response.status}`)
  return response.arrayBuffer()
}

/**
 * Checks the seal here, in the browser, as an advisor's own tools would: the public key's
 * fingerprint, the Ed25519 signature of manifest.json (WebCrypto), and every file's SHA-256.
 */
async function verifySeal(congressId: string, seal: SealInfoView): Promise<Verdict> {
  const der = Uint8Array.from(atob(seal.publicKeyPem.replace(/-----[^-]+-----/g, '').replace(/\s/g, '')), (c) => c.charCodeAt(0))
  const fingerprint = hex(await crypto.subtle.digest('SHA-256', der))
  if (fingerprint !== seal.publicKeyFingerprint.replace(/ /g, '')) return { kind: 'invalid', what: 'public-key.pem' }
  let key: CryptoKey
  try {
    key = await crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify'])
  } catch {
    return { kind: 'unsupported' }
  }
  const [manifest, signature] = await Promise.all([fetchBytes(apiLinks.bundleFile(congressId, 'manifest.json')), fetchBytes(apiLinks.bundleFile(congressId, 'manifest.sig'))])
  if (!(await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, manifest))) return { kind: 'invalid', what: 'manifest.sig' }
  const listed = (JSON.parse(new TextDecoder().decode(manifest)) as { files: { name: string; sha256: string }[] }).files
  for (const file of listed) {
    if (hex(await crypto.subtle.digest('SHA-256', await fetchBytes(apiLinks.bundleFile(congressId, file.name)))) !== file.sha256) return { kind: 'invalid', what: file.name }
  }
  return { kind: 'valid', files: listed.length }
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
    const verdict = this.verdict.value
    return html`
      <nav aria-label=${m.breadcrumb} class="breadcrumb"><a href=${paths.congress(this.congress.id)}>${this.congress.title}</a></nav>
      <h1>${m.v.sealTitle}</h1>
      <p>${m.v.sealIntro}</p>
      <section class="card seal-card" aria-labelledby="seal-heading">
        <h2 id="seal-heading">${this.congress.title}</h2>
        <p>${m.v.frozenAt(new Date(seal.frozenAt).toLocaleString(language() === 'fr' ? 'fr-FR' : 'en-GB'))}</p>
        <div aria-live="polite" class="verdict">
          ${!verdict
            ? html`<p role="status">${m.v.verifying}</p>`
            : verdict.kind === 'valid'
              ? html`<p class="ok signature-valid"><strong>✓ ${m.v.signatureValid}</strong></p><p>${m.v.signatureValidDetail(verdict.files)}</p>`
              : verdict.kind === 'invalid'
                ? html`<p class="error" role="alert"><strong>${m.v.signatureInvalid(verdict.what)}</strong></p>`
                : html`<p class="notice">${m.v.verifyUnsupported}</p>`}
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
        </ul>
        <p><a href=${apiLinks.bundleFile(this.congress.id, 'VERIFY.txt')}>${m.v.verifyCommands} (VERIFY.txt)</a></p>
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
