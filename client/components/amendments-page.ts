import { Task } from '@lit/task'
import { html } from 'lit'
import type { CongressView } from '../../shared/api-types.ts'
import { api } from '../api.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'
import './amendment-list.ts'

/** Every amendment of the congress, in the motion's reading order, filtered by status. */
export class AmendmentsPage extends LightElement {
  static override properties = { congress: { attribute: false }, revision: { attribute: false } }
  declare congress: CongressView
  declare revision: number

  private readonly task = new Task(this, {
    task: async ([congressId]: readonly [string, number]) => (await api.amendments(congressId)).amendments,
    args: () => [this.congress.id, this.revision] as const,
  })

  override render() {
    const m = t()
    const amendments = this.task.value
    return html`
      <nav aria-label=${m.breadcrumb} class="breadcrumb"><a href=${paths.congress(this.congress.id)}>${this.congress.title}</a></nav>
      <h1>${m.amendmentsAll}</h1>
      ${amendments === undefined
        ? this.task.render({ pending: () => html`<p role="status">${m.loading}</p>`, error: () => html`<p role="alert" class="error">${m.genericError}</p>` })
        : html`<p class="count">${m.amendmentCount(amendments.length)}</p>
            <plenum-amendment-list show-target .congress=${this.congress} .amendments=${amendments}></plenum-amendment-list>`}
    `
  }
}

customElements.define('plenum-amendments-page', AmendmentsPage)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-amendments-page': AmendmentsPage
  }
}
