import { html } from 'lit'
import type { CongressView } from '../../shared/api-types.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'

/** The motion at a glance: the preamble, then the 4 questions and their proposals, in order. */
export class CongressPage extends LightElement {
  static override properties = { congress: { attribute: false } }
  declare congress: CongressView

  override render() {
    const m = t()
    const { congress } = this
    return html`
      <h1>${congress.title}</h1>
      <p class="subtitle">${congress.organisation} · ${m.edition(congress.edition)} · ${congress.place} · <time datetime=${congress.date}>${formatDate(congress.date)}</time></p>
      <section class="card preamble-link" aria-labelledby="preamble-heading">
        <h2 id="preamble-heading"><a href=${paths.preamble(congress.id)}>${m.preamble}</a></h2>
        <p>${m.preambleIntro}</p>
      </section>
      ${congress.themes.map((theme) => {
        const proposals = congress.proposals.filter((p) => p.themeId === theme.id)
        return html`
          <section class="theme" aria-labelledby="theme-${theme.id}">
            <h2 id="theme-${theme.id}">${m.themeHeading(theme.position, theme.title)}</h2>
            <p class="count">${m.proposalCount(proposals.length)}</p>
            <ol class="proposals">
              ${proposals.map(
                (p) => html`<li>
                  <a href=${paths.proposal(congress.id, p.number)}>
                    <span class="number" aria-hidden="true">${m.proposalShort(p.number)}</span>
                    <span class="visually-hidden">${m.proposalLabel(p.number)} :</span>
                    <span class="title">${p.title}</span>
                  </a>
                </li>`,
              )}
            </ol>
          </section>
        `
      })}
    `
  }
}

function formatDate(iso: string): string {
  const date = new Date(`${iso}T12:00:00`)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(document.documentElement.lang, { day: 'numeric', month: 'long', year: 'numeric' })
}

customElements.define('plenum-congress-page', CongressPage)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-congress-page': CongressPage
  }
}
