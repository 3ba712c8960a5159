import { html } from 'lit'
import type { CongressView } from '../../shared/api-types.ts'
import { isAllowed } from '../../shared/permissions.ts'
import type { Phase } from '../../shared/phases.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'
import './audit-panel.ts'
import './participants-panel.ts'
import './phase-control.ts'
import './seal-panel.ts'
import './structure-panel.ts'

/** What the bureau runs the congress with: the phase, the participants and their codes, the log. */
export class BureauPage extends LightElement {
  static override properties = { congress: { attribute: false }, phase: { attribute: false }, selfId: { attribute: false }, revision: { state: true } }
  declare congress: CongressView
  declare selfId: string
  declare phase: Phase
  /** Counts the decisions taken on this page, so the log re-reads itself. */
  declare revision: number

  constructor() {
    super()
    this.revision = 0
  }

  override render() {
    const m = t()
    return html`
      <nav aria-label=${m.breadcrumb} class="breadcrumb"><a href=${paths.congress(this.congress.id)}>${this.congress.title}</a></nav>
      <h1>${m.bureauTitle}</h1>
      <nav aria-label=${m.bureauSections} class="section-links">
        <a href=${paths.dashboard(this.congress.id)}>${m.dash.title}</a>
        <a href="#phase-heading">${m.phaseSection}</a>
        <a href="#setup-heading">${m.setupSection}</a>
        <a href="#participants-heading">${m.participantsSection}</a>
        <a href="#audit-heading">${m.auditSection}</a>
        <a href=${paths.amendments(this.congress.id)}>${m.amendmentsAll}</a>
        <a href=${paths.ballots(this.congress.id)}>${m.v.ballotsTitle}</a>
        <a href=${paths.session(this.congress.id)}>${m.f.sessionLink}</a>
        <a href=${paths.minutes(this.congress.id)}>${m.rec.minutesLink}</a>
        <a href=${paths.comparative(this.congress.id)}>${m.rec.comparativeLink}</a>
      </nav>
      <plenum-phase-control .congressId=${this.congress.id} .phase=${this.phase} .timeZone=${this.congress.timeZone}></plenum-phase-control>
      <plenum-seal-panel .congressId=${this.congress.id} .phase=${this.phase}></plenum-seal-panel>
      <div @decision=${() => this.revision++}>
        <plenum-structure-panel .congress=${this.congress} ?editable=${isAllowed({ role: 'bureau', phase: this.phase, action: 'structure.edit' })}></plenum-structure-panel>
        <plenum-participants-panel .congressId=${this.congress.id} .selfId=${this.selfId}></plenum-participants-panel>
      </div>
      <plenum-audit-panel .congressId=${this.congress.id} .phase=${this.phase} .revision=${this.revision}></plenum-audit-panel>
    `
  }
}

customElements.define('plenum-bureau-page', BureauPage)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-bureau-page': BureauPage
  }
}
