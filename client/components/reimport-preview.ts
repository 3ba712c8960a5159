import { html, nothing } from 'lit'
import type { ReimportPreviewView } from '../../shared/api-types.ts'
import { describeProblem } from '../i18n/errors/field-rules.ts'
import { language, t } from '../i18n/index.ts'

/**
 * What a re-import will change, before it does: the errors per line first (nothing applies while
 * there are any), then who is added and what changes for whom, field by field. Shown right under
 * the import form, with the button that applies it.
 */
export function renderReimportPreview(preview: ReimportPreviewView, actions: { busy: boolean; apply: () => void; cancel: () => void }) {
  const m = t()
  const p = m.people
  const role = (r: string) => (r in m.roleLabel ? m.roleLabel[r as keyof typeof m.roleLabel] : r)
  const nothingToDo = preview.added.length === 0 && preview.changed.length === 0
  const blocked = preview.errors.length > 0
  return html`<section class="reimport-preview" aria-labelledby="reimport-heading">
    <h3 id="reimport-heading" tabindex="-1">${p.previewHeading}</h3>
    ${blocked
      ? html`<div class="error" role="alert">
          <p>${p.previewErrors(preview.errors.length)}</p>
          <ul class="reimport-errors">${preview.errors.map((e) => html`<li>${describeProblem(e, language())}</li>`)}</ul>
        </div>`
      : nothing}
    <p class="reimport-summary">${p.previewSummary(preview.added.length, preview.changed.length, preview.unchanged)} ${p.previewUntouched(preview.untouched)}</p>
    ${preview.added.length > 0
      ? html`<h4>${p.previewAdded}</h4>
          <ul class="reimport-added">
            ${preview.added.map(
              (a) => html`<li data-line=${a.line}>
                <span class="line-ref">${p.lineOf(a.line)}</span> — ${p.addedLine(a.person.name, a.person.organisation, role(a.person.role))}
                ${a.namesake ? html`<span class="warning"> (${p.namesake})</span>` : nothing}
              </li>`,
            )}
          </ul>`
      : nothing}
    ${preview.changed.length > 0
      ? html`<h4>${p.previewChanged}</h4>
          <ul class="reimport-changed">
            ${preview.changed.map(
              (c) => html`<li data-line=${c.line}>
                <span class="line-ref">${p.lineOf(c.line)}</span> — <span class="email">${c.email}</span>
                <ul>
                  ${c.fields.map((f) => html`<li>${p.fieldChange(p.fieldNames[f.field], f.field === 'role' ? role(f.from) : f.from, f.field === 'role' ? role(f.to) : f.to)}${f.field === 'role' ? html` — ${p.roleSignInAgain}` : nothing}</li>`)}
                </ul>
              </li>`,
            )}
          </ul>`
      : nothing}
    ${!blocked && nothingToDo ? html`<p>${p.previewNothing}</p>` : nothing}
    ${preview.changed.length > 0 ? html`<p class="hint">${p.previewKept}</p>` : nothing}
    <p class="actions">
      ${blocked || nothingToDo ? nothing : html`<button type="button" class="primary" ?disabled=${actions.busy} @click=${actions.apply}>${actions.busy ? p.applying : p.apply}</button>`}
      <button type="button" class="secondary" @click=${actions.cancel}>${p.cancel}</button>
    </p>
  </section>`
}
