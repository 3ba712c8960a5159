import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import type { MyActivityView } from '../../shared/api-types.ts'
import { api } from '../api.ts'
import { language, t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'

const when = (at: number) => new Date(at).toLocaleString(language(), { dateStyle: 'medium', timeStyle: 'short' })

/**
 * "My sign-ins and votes": every sign-in made with the participant's code (when, which kind of
 * device, which session) and every vote cast with it or for them. A sign-in or a vote that was not
 * theirs shows here: the bureau cannot use someone's code unseen.
 */
export class MyActivity extends LightElement {
  static override properties = { congressId: { attribute: false } }
  declare congressId: string

  private readonly load = new Task(this, {
    task: ([id]: readonly [string]) => api.myActivity(id),
    args: () => [this.congressId] as const,
  })

  private renderActivity(activity: MyActivityView) {
    const m = t().c
    return html`
      <div class="table-scroll">
        <table class="sign-ins">
          <caption>${m.signInsCaption}</caption>
          <thead>
            <tr><th scope="col">${m.signInWhen}</th><th scope="col">${m.signInDevice}</th><th scope="col">${m.signInSession}</th></tr>
          </thead>
          <tbody>
            ${activity.signIns.length === 0
              ? html`<tr><td colspan="3">${m.noSignIns}</td></tr>`
              : activity.signIns.map(
                  (s) => html`<tr data-session=${s.session}>
                    <td><time datetime=${new Date(s.at).toISOString()}>${when(s.at)}</time></td>
                    <td>${m.device(s.browser, s.os)}</td>
                    <td><code>${s.session}</code>${s.current ? html` <strong>(${m.thisSession})</strong>` : s.endedAt ? html` — ${m.signedOut(when(s.endedAt))}` : nothing}</td>
                  </tr>`,
                )}
          </tbody>
        </table>
      </div>
      <div class="table-scroll">
        <table class="my-votes">
          <caption>${m.votesCaption}</caption>
          <thead>
            <tr><th scope="col">${m.voteWhen}</th><th scope="col">${m.voteSubject}</th><th scope="col">${m.voteFor}</th></tr>
          </thead>
          <tbody>
            ${activity.votes.length === 0
              ? html`<tr><td colspan="3">${m.noVotes}</td></tr>`
              : activity.votes.map(
                  (v) => html`<tr>
                    <td>${v.castAt === null ? m.voteWhenUnknown : html`<time datetime=${new Date(v.castAt).toISOString()}>${when(v.castAt)}</time>`}</td>
                    <td>${m.subjectKinds[v.subject] ?? v.subject}</td>
                    <td>${v.own ? m.voteForSelf : m.voteForProxy(v.representedName)}</td>
                  </tr>`,
                )}
          </tbody>
        </table>
      </div>
    `
  }

  override render() {
    const m = t()
    return html`<section class="card my-activity" aria-labelledby="my-activity-heading">
      <h2 id="my-activity-heading">${m.c.activityHeading}</h2>
      <p>${m.c.activityIntro}</p>
      ${this.load.render({
        pending: () => (this.load.value ? this.renderActivity(this.load.value) : html`<p role="status">${m.loading}</p>`),
        complete: (activity) => this.renderActivity(activity),
        error: () => html`<p role="alert" class="error">${m.genericError}</p>`,
      })}
    </section>`
  }
}

customElements.define('plenum-my-activity', MyActivity)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-my-activity': MyActivity
  }
}
