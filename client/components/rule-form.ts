import { html, type PropertyValues } from 'lit'
import { majorities, majorityBases, maxProxiesPerHolder, secrecies, type BallotRule, type Quorum } from '../../shared/ballots/ballot-rule.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { guardUnsaved } from '../unsaved-changes.ts'
import { unsavedHint } from './action-message.ts'

/** The value of a select among the list it was drawn from. */
function oneOf<T extends string>(list: readonly T[], value: string): T | undefined {
  return list.find((item) => item === value)
}

/** The same rule, whatever the order of its keys (the server's copy against the form's reading). */
function sameRule(a: BallotRule, b: BallotRule): boolean {
  const quorum = (q: Quorum) => (q.kind === 'count' ? `count:${q.count}` : q.kind === 'share' ? `share:${Math.round(q.share * 1000)}` : 'none')
  return a.majority === b.majority && a.base === b.base && a.secrecy === b.secrecy && quorum(a.quorum) === quorum(b.quorum) &&
    a.proxies.allowed === b.proxies.allowed && a.proxies.maxPerHolder === b.proxies.maxPerHolder
}

function quorumKindOf(value: string): Quorum['kind'] {
  return value === 'count' ? 'count' : value === 'share' ? 'share' : 'none'
}

/** A ballot rule as a form; submitting sends a 'rule' event with the rule read from the fields. */
export class RuleForm extends LightElement {
  static override properties = { rule: { attribute: false }, prefix: {}, submitLabel: { attribute: false }, quorumKind: { state: true }, dirty: { state: true } }
  declare rule: BallotRule
  /** Keeps ids unique when the form appears more than once on a page. */
  declare prefix: string
  declare submitLabel: string
  declare quorumKind: Quorum['kind'] | undefined
  /**
   * The fields differ from the rule in force: the form says so, and leaving the page asks first.
   * Read again when the rule changes, so a save (the new rule comes back) clears it.
   */
  declare dirty: boolean
  private unguard: (() => void) | undefined

  override connectedCallback(): void {
    super.connectedCallback()
    this.dirty = false
    this.unguard = guardUnsaved(() => this.dirty)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.unguard?.()
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('rule')) this.compare()
  }

  private compare(): void {
    const form = this.querySelector<HTMLFormElement>('form.rule-form')
    if (form && this.rule) this.dirty = !sameRule(this.read(form), this.rule)
  }

  private read(form: HTMLFormElement): BallotRule {
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value
    const kind = quorumKindOf(value('quorum-kind'))
    const amount = Number(value('quorum-value'))
    const quorum: Quorum = kind === 'count' ? { kind, count: Math.round(amount) } : kind === 'share' ? { kind, share: amount / 100 } : { kind: 'none' }
    // The selects offer only these lists' values; anything else keeps the rule's own.
    return {
      majority: oneOf(majorities, value('majority')) ?? this.rule.majority,
      base: oneOf(majorityBases, value('base')) ?? this.rule.base,
      quorum,
      secrecy: oneOf(secrecies, value('secrecy')) ?? this.rule.secrecy,
      proxies: { allowed: (form.elements.namedItem('proxies-allowed') as HTMLInputElement).checked, maxPerHolder: Number(value('proxies-cap')) },
    }
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault()
    this.dispatchEvent(new CustomEvent<BallotRule>('rule', { detail: this.read(event.currentTarget as HTMLFormElement), bubbles: true }))
  }

  override render() {
    const m = t()
    const { rule } = this
    const id = (name: string) => `${this.prefix}-${name}`
    const kind = this.quorumKind ?? rule.quorum.kind
    const quorumValue = rule.quorum.kind === 'count' ? rule.quorum.count : rule.quorum.kind === 'share' ? Math.round(rule.quorum.share * 1000) / 10 : ''
    return html`
      <form class="rule-form" @submit=${this.submit} @input=${() => this.compare()} @change=${() => this.compare()}>
        <div class="field"><label for=${id('majority')}>${m.v.majorityLabel}</label>
          <select id=${id('majority')} name="majority">${majorities.map((x) => html`<option value=${x} ?selected=${rule.majority === x}>${m.v.majorities[x]}</option>`)}</select></div>
        <div class="field"><label for=${id('base')}>${m.v.baseLabel}</label>
          <select id=${id('base')} name="base">${majorityBases.map((x) => html`<option value=${x} ?selected=${rule.base === x}>${m.v.bases[x]}</option>`)}</select></div>
        <div class="field"><label for=${id('quorum-kind')}>${m.v.quorumLabel}</label>
          <select id=${id('quorum-kind')} name="quorum-kind" @change=${(e: Event) => (this.quorumKind = quorumKindOf((e.target as HTMLSelectElement).value))}>
            ${(['none', 'count', 'share'] as const).map((x) => html`<option value=${x} ?selected=${kind === x}>${m.v.quorumKinds[x]}</option>`)}
          </select></div>
        <div class="field" ?hidden=${kind === 'none'}><label for=${id('quorum-value')}>${m.v.quorumValueLabel}</label>
          <input id=${id('quorum-value')} name="quorum-value" type="number" min="0" step="any" .value=${String(quorumValue)} ?required=${kind !== 'none'} /></div>
        <div class="field"><label for=${id('secrecy')}>${m.v.secrecyLabel}</label>
          <select id=${id('secrecy')} name="secrecy">${secrecies.map((x) => html`<option value=${x} ?selected=${rule.secrecy === x}>${m.v.secrecies[x]}</option>`)}</select></div>
        <div class="field checkbox"><input id=${id('proxies-allowed')} name="proxies-allowed" type="checkbox" ?checked=${rule.proxies.allowed} /><label for=${id('proxies-allowed')}>${m.v.proxiesAllowed}</label></div>
        <div class="field"><label for=${id('proxies-cap')}>${m.v.proxiesCap}</label>
          <input id=${id('proxies-cap')} name="proxies-cap" type="number" min="1" max=${maxProxiesPerHolder} .value=${String(rule.proxies.maxPerHolder)} required /></div>
        <button type="submit">${this.submitLabel}</button> ${unsavedHint(this.dirty, m.am.unsaved)}
      </form>
    `
  }
}

customElements.define('plenum-rule-form', RuleForm)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-rule-form': RuleForm
  }
}
