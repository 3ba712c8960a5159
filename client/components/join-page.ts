import { html, nothing } from 'lit'
import type { SessionView } from '../../shared/api-types.ts'
import { api } from '../api.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { failureText } from './failure-text.ts'

/**
 * The code a join link carries: in the fragment (/join#code=…, never sent to a server), or in an
 * older link's path (/join/<code>) or query (?code=). Read once, then taken out of the address
 * bar and the history, so it is not left on the screen or in the browser's history.
 */
function codeFromAddress(pathCode: string): string {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('code')
  const fromQuery = new URLSearchParams(location.search).get('code')
  const code = fromHash || fromQuery || pathCode
  if (code) history.replaceState(null, '', '/join')
  return code
}

/** Exchanges an access code for a session: typed in, or taken from a join link. The code goes in a POST body. */
export class JoinPage extends LightElement {
  static override properties = {
    code: {},
    pending: { state: true },
    failure: { state: true },
  }

  /** The code in an older /join/<code> path, as the router read it. */
  declare code: string
  declare pending: boolean
  declare failure: string | undefined

  constructor() {
    super()
    this.code = ''
    this.pending = false
  }

  override connectedCallback(): void {
    super.connectedCallback()
    this.code = codeFromAddress(this.code)
  }

  protected override firstUpdated(): void {
    if (this.code) void this.join(this.code)
    else this.querySelector('input')?.focus()
  }

  private async join(code: string): Promise<void> {
    this.pending = true
    this.failure = undefined
    try {
      const session = await api.openSession(code)
      this.dispatchEvent(new CustomEvent<SessionView>('joined', { detail: session, bubbles: true }))
    } catch (error) {
      this.failure = await failureText(error)
      await this.updateComplete
      this.querySelector<HTMLInputElement>('input')?.focus()
    } finally {
      this.pending = false
    }
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault()
    const input = (event.target as HTMLFormElement).elements.namedItem('code') as HTMLInputElement
    void this.join(input.value)
  }

  override render() {
    const m = t()
    return html`
      <section class="card join" aria-labelledby="join-title">
        <h1 id="join-title">${m.joinTitle}</h1>
        <p>${m.joinIntro}</p>
        <form @submit=${this.onSubmit} novalidate>
          <label for="join-code">${m.joinCodeLabel}</label>
          <input
            id="join-code"
            name="code"
            .value=${this.code}
            autocomplete="one-time-code"
            autocapitalize="characters"
            spellcheck="false"
            required
            aria-describedby="join-hint ${this.failure ? 'join-error' : ''}"
            aria-invalid=${this.failure ? 'true' : 'false'}
          />
          <p id="join-hint" class="hint">${m.joinCodeHint}</p>
          ${this.failure ? html`<p id="join-error" class="error" role="alert">${this.failure}</p>` : nothing}
          <button type="submit" ?disabled=${this.pending}>${this.pending ? m.joinPending : m.joinSubmit}</button>
        </form>
      </section>
    `
  }
}

customElements.define('plenum-join-page', JoinPage)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-join-page': JoinPage
  }
}
