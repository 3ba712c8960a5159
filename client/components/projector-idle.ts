import { html } from 'lit'
import type { CongressView, ProjectorView } from '../../shared/api-types.ts'
import type { Phase } from '../../shared/phases.ts'
import { apiLinks } from '../api.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { subjectLine } from '../projector-title.ts'

/**
 * The wall when nothing is on it (no ballot projected, no item under debate): the congress and its
 * phase, how to join (QR code, address, the room's code, large), and the ballot prepared next. It is
 * what the room sees while it fills up, so it is made to be read from the back.
 */
export class ProjectorIdle extends LightElement {
  static override properties = { congress: { attribute: false }, view: { attribute: false }, phase: { attribute: false } }
  declare congress: CongressView
  declare view: ProjectorView
  /** The live phase (the event stream's); the congress's as first read until one comes. */
  declare phase: Phase | undefined

  override render() {
    const m = t()
    const { congress, view } = this
    const phase = this.phase ?? congress.phase
    return html`
      <header class="projector-head projector-idle-head">
        <p class="projector-congress">${m.pj.idleEdition(congress.edition, congress.place)}</p>
        <h1>${view.congressTitle}</h1>
        <p class="projector-phase" data-phase=${phase}>${m.pj.idlePhase(m.phaseNames[phase])}</p>
      </header>
      <div class="projector-idle">
        <section class="projector-idle-join" aria-labelledby="idle-join">
          <h2 id="idle-join">${m.pj.idleJoin}</h2>
          <img src=${apiLinks.joinQr(congress.id)} alt=${m.v.projectorQrAlt} width="360" height="360" />
          <p>${m.pj.idleJoinHow}</p>
          <p class="join-url">${view.joinUrl}</p>
        </section>
        <section class="projector-idle-code" aria-labelledby="idle-code">
          <h2 id="idle-code">${m.pj.idleRoomCode}</h2>
          <p class="room-code projector-room-code">${view.roomCode}</p>
          <p>${m.pj.idleRoomCodeHow}</p>
          <h2>${m.pj.nextBallot}</h2>
          <p class="projector-next">${view.nextBallot ? subjectLine(congress, view.nextBallot) : m.pj.noBallotYet}</p>
        </section>
      </div>
    `
  }
}

customElements.define('plenum-projector-idle', ProjectorIdle)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-projector-idle': ProjectorIdle
  }
}
