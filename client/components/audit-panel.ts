import { Task } from '@lit/task'
import { html } from 'lit'
import { api } from '../api.ts'
import { language, t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'

/** The congress's decision log, newest first, as the bureau reads it. */
export class AuditPanel extends LightElement {
  static override properties = { congressId: { attribute: false }, phase: { attribute: false }, revision: { attribute: false } }
  declare congressId: string
  /** Re-read when the phase changes: that is a decision too. */
  declare phase: string
  /** Bumped by the bureau page after each decision taken on it. */
  declare revision: number

  private readonly load = new Task(this, {
    task: async ([id]: readonly [string, string, number]) => (await api.audit(id)).entries,
    args: () => [this.congressId, this.phase, this.revision] as const,
  })

  override render() {
    const m = t()
    const time = new Intl.DateTimeFormat(language(), { dateStyle: 'short', timeStyle: 'medium' })
    return html`
      <section class="card" aria-labelledby="audit-heading">
        <h2 id="audit-heading">${m.auditSection}</h2>
        <p class="hint">${m.auditHelp}</p>
        ${this.load.render({
          pending: () => html`<p role="status">${m.loading}</p>`,
          error: () => html`<p role="alert" class="error">${m.genericError}</p>`,
          complete: (entries) => html`<div class="table-scroll">
            <table class="audit">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">${m.auditWhen}</th>
                  <th scope="col">${m.auditWho}</th>
                  <th scope="col">${m.auditWhat}</th>
                  <th scope="col">${m.auditDetails}</th>
                </tr>
              </thead>
              <tbody>
                ${[...entries].reverse().map(
                  (e) => html`<tr>
                    <td>${e.seq}</td>
                    <td><time datetime=${new Date(e.at).toISOString()}>${time.format(e.at)}</time></td>
                    <td>${e.actorName}</td>
                    <th scope="row">${m.auditActions[e.action] ?? e.action}</th>
                    <td class="details">${summarize(e.payload)}<br /><code title="SHA-256">${e.hash.slice(0, 16)}…</code></td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`,
        })}
      </section>
    `
  }
}

function summarize(payload: Readonly<Record<string, unknown>>): string {
  return Object.entries(payload)
    .filter(([key]) => key !== 'ids')
    .map(([key, value]) => `${key} : ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ')
}

customElements.define('plenum-audit-panel', AuditPanel)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-audit-panel': AuditPanel
  }
}
