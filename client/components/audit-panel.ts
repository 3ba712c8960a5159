import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import type { AuditEntryView, AuditListView } from '../../shared/api-types.ts'
import { logKindOf, logKinds, type LogKind } from '../../shared/audit/log-actions.ts'
import { logContext } from '../../shared/audit/log-reading.ts'
import { logActor, logSentence } from '../../shared/audit/log-sentence.ts'
import { api, apiLinks } from '../api.ts'
import { language, t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'

/** How many entries the panel shows at a time: a congress day logs thousands (each check-in). */
const page = 100
/** The person filter's key for the command line, which has no participant id. */
const commandLine = '-'

const actorKey = (e: AuditEntryView) => e.actorId ?? commandLine

/** The congress's decision log, newest first, as sentences the bureau reads; each raw entry behind its details. */
export class AuditPanel extends LightElement {
  static override properties = {
    congressId: { attribute: false },
    phase: { attribute: false },
    revision: { attribute: false },
    kind: { state: true },
    person: { state: true },
    limit: { state: true },
  }
  declare congressId: string
  /** Re-read when the phase changes: that is a decision too. */
  declare phase: string
  /** Bumped by the bureau page after each decision taken on it. */
  declare revision: number
  private kind: LogKind | '' = ''
  private person = ''
  private limit = page

  private readonly load = new Task(this, {
    task: async ([id]: readonly [string, string, number]) => api.audit(id),
    args: () => [this.congressId, this.phase, this.revision] as const,
  })

  override render() {
    const m = t()
    return html`
      <section class="card" aria-labelledby="audit-heading">
        <h2 id="audit-heading">${m.auditSection}</h2>
        <p class="hint">${m.auditHelp}</p>
        ${this.load.render({
          pending: () => html`<p role="status">${m.loading}</p>`,
          error: () => html`<p role="alert" class="error">${m.genericError}</p>`,
          complete: (log) => this.renderLog(log),
        })}
      </section>
    `
  }

  private renderLog(log: AuditListView) {
    const m = t()
    const words = m.log
    const context = logContext(log.entries, log.refs)
    const collator = new Intl.Collator(language())
    const actors = [...new Map(log.entries.map((e) => [actorKey(e), logActor(e, words.sentences)])).entries()].sort((a, b) => collator.compare(a[1], b[1]))
    const kinds = new Set(log.entries.map((e) => logKindOf(e.action)))
    const matching = log.entries.filter((e) => (this.kind === '' || logKindOf(e.action) === this.kind) && (this.person === '' || actorKey(e) === this.person)).reverse()
    const shown = matching.slice(0, this.limit)
    const time = new Intl.DateTimeFormat(language(), { dateStyle: 'short', timeStyle: 'medium' })
    return html`
      <div class="inline-form audit-filters" role="group" aria-label=${words.filters}>
        <div class="field">
          <label for="audit-kind">${words.kindLabel}</label>
          <select id="audit-kind" @change=${(e: Event) => this.filter({ kind: kindOf((e.target as HTMLSelectElement).value) })}>
            <option value="" ?selected=${this.kind === ''}>${words.allKinds}</option>
            ${logKinds.filter((k) => kinds.has(k)).map((k) => html`<option value=${k} ?selected=${this.kind === k}>${words.kinds[k]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="audit-person">${words.personLabel}</label>
          <select id="audit-person" @change=${(e: Event) => this.filter({ person: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${this.person === ''}>${words.everyone}</option>
            ${actors.map(([key, name]) => html`<option value=${key} ?selected=${this.person === key}>${name}</option>`)}
          </select>
        </div>
        <a class="button-link audit-export" href=${apiLinks.auditCsv(this.congressId)} download>${words.exportCsv}</a>
      </div>
      <p class="audit-count" role="status">${words.count(matching.length, log.entries.length)}</p>
      ${log.entries.length === 0 ? html`<p class="hint">${words.empty}</p>` : matching.length === 0 ? html`<p class="hint">${words.none}</p>` : nothing}
      <ol class="audit-log">
        ${shown.map(
          (e) => html`<li class="audit-entry" data-seq=${e.seq} data-action=${e.action}>
            <p class="audit-sentence">${logSentence(e, context, words.sentences)}</p>
            <p class="audit-meta">
              <time datetime=${new Date(e.at).toISOString()}>${time.format(e.at)}</time> · ${logActor(e, words.sentences)} · ${words.entry(e.seq)}
            </p>
            <details class="audit-raw">
              <summary>${words.raw}<span class="visually-hidden"> ${words.entry(e.seq)}</span></summary>
              <dl>
                <dt>${words.rawAction}</dt>
                <dd><code>${e.action}</code></dd>
                <dt>${words.rawPayload}</dt>
                <dd><pre>${JSON.stringify(e.payload, null, 2)}</pre></dd>
                <dt>${words.rawPrevHash}</dt>
                <dd><code>${e.prevHash}</code></dd>
                <dt>${words.rawHash}</dt>
                <dd><code>${e.hash}</code></dd>
              </dl>
            </details>
          </li>`,
        )}
      </ol>
      ${matching.length > shown.length
        ? html`<button type="button" class="secondary" @click=${() => (this.limit += page)}>${words.more(Math.min(page, matching.length - shown.length))}</button>`
        : nothing}
    `
  }

  private filter(change: { kind?: LogKind | ''; person?: string }): void {
    if (change.kind !== undefined) this.kind = change.kind
    if (change.person !== undefined) this.person = change.person
    this.limit = page
  }
}

function kindOf(value: string): LogKind | '' {
  return (logKinds as readonly string[]).includes(value) ? (value as LogKind) : ''
}

customElements.define('plenum-audit-panel', AuditPanel)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-audit-panel': AuditPanel
  }
}
