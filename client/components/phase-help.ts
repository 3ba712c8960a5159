import { html, nothing } from 'lit'
import { phaseHelpTopic } from '../../shared/phase/phase-help.ts'
import type { Phase } from '../../shared/phases.ts'
import type { Role } from '../../shared/roles.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'

/**
 * One sentence above every page: who can do what now, by the phase and the reader's role
 * (shared/phase/phase-help.ts). It follows the phase live, as the header's badge does.
 */
export class PhaseHelp extends LightElement {
  static override properties = { phase: { attribute: false }, viewerRole: { attribute: false } }
  declare phase: Phase | undefined
  declare viewerRole: Role | undefined

  override render() {
    if (!this.phase || !this.viewerRole) return nothing
    const topic = phaseHelpTopic(this.phase, this.viewerRole)
    if (!topic) return nothing
    const m = t().dash
    return html`<p class="phase-help" data-topic=${topic}><span class="visually-hidden">${m.helpLabel}</span>${m.help[topic]}</p>`
  }
}

customElements.define('plenum-phase-help', PhaseHelp)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-phase-help': PhaseHelp
  }
}
