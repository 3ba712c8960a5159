import { Task } from '@lit/task'
import { html } from 'lit'
import type { CongressView } from '../../shared/api-types.ts'
import { api } from '../api.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { liveDisplay, type MotionDisplay } from '../motion-display.ts'
import { paths } from '../router.ts'
import './motion-text.ts'

/** What makes the motion read again: its texts, its amendments' steps, its ballots (the event stream's counts). */
export interface MotionRevisions {
  readonly texts: number
  readonly amendments: number
  readonly ballots: number
}

/**
 * `/congresses/<id>/motion`: the whole motion as it stands, read again whenever a text, an
 * amendment's step or a ballot changes (or the structure: a new `congress`), and printable.
 */
export class MotionPage extends LightElement {
  static override properties = { congress: { attribute: false }, revisions: { attribute: false }, lineNumbers: { state: true } }
  declare congress: CongressView
  declare revisions: MotionRevisions
  declare lineNumbers: boolean

  constructor() {
    super()
    this.lineNumbers = false
  }

  /** The motion last read: kept on screen while it reads again, and if a reading fails (the next event tries again). */
  private shown: MotionDisplay | undefined

  private readonly task = new Task(this, {
    task: async ([congressId]: readonly [string, CongressView, number, number, number]) => liveDisplay(await api.motion(congressId)),
    args: () => [this.congress.id, this.congress, this.revisions.texts, this.revisions.amendments, this.revisions.ballots] as const,
    onComplete: (motion) => (this.shown = motion),
  })

  override render() {
    const m = t()
    const mo = m.mo
    // While it reads again, the motion stays on screen: the reader keeps their place.
    const motion = this.shown
    return html`
      <nav aria-label=${m.breadcrumb} class="breadcrumb"><a href=${paths.congress(this.congress.id)}>${this.congress.title}</a></nav>
      <h1><span class="motion-kicker">${mo.title}</span> ${this.congress.title}</h1>
      <p class="motion-intro">${mo.liveIntro}</p>
      <div class="motion-tools" role="group" aria-label=${mo.tools}>
        <label class="motion-toggle"><input type="checkbox" .checked=${this.lineNumbers} @change=${(e: Event) => (this.lineNumbers = (e.target as HTMLInputElement).checked)} /> ${mo.lineNumbers}</label>
        <button type="button" class="link-button" @click=${() => window.print()}>${mo.print}</button>
      </div>
      ${motion === undefined
        ? this.task.render({ pending: () => html`<p role="status">${m.loading}</p>`, error: () => html`<p role="alert" class="error">${m.genericError}</p>` })
        : html`${this.task.render({ error: () => html`<p role="alert" class="error">${m.genericError}</p>` })}
            <plenum-motion-text .motion=${motion} .lineNumbers=${this.lineNumbers}></plenum-motion-text>`}
    `
  }
}

customElements.define('plenum-motion-page', MotionPage)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-motion-page': MotionPage
  }
}
