import type { WebsocketProvider } from 'y-websocket'

/** What each person's awareness says about them. */
export interface CaretUser {
  readonly name: string
  readonly color: string
}

/** How long a name stays beside a caret after that person moved or typed. */
const labelMs = 2500

/**
 * Another person's caret: a coloured bar, and their name above it. The name would cover the line
 * above for good (on a phone, a good part of it), so it shows only briefly, each time that person
 * moves or types (see `CaretLabels`); the coloured bar stays, and the sync bar lists who is here.
 */
export function renderCaret(user: CaretUser): HTMLElement {
  const caret = document.createElement('span')
  caret.className = 'collaboration-carets__caret'
  caret.style.borderColor = user.color
  caret.dataset.name = user.name
  const label = document.createElement('span')
  label.className = 'collaboration-carets__label'
  label.style.backgroundColor = user.color
  label.textContent = user.name
  caret.append(label)
  return caret
}

/** Shows a person's name beside their caret for a moment whenever their caret changes. */
export class CaretLabels {
  constructor(
    private readonly provider: WebsocketProvider,
    private readonly mount: HTMLElement,
  ) {
    provider.awareness.on('change', this.onChange)
  }

  destroy(): void {
    clearTimeout(this.timer)
    this.provider.awareness.off('change', this.onChange)
  }

  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly changed = new Set<number>()

  // The editor redraws carets in a timeout of its own, set by its listener, registered before this one.
  private readonly onChange = ({ added, updated }: { added: number[]; updated: number[] }): void => {
    for (const client of [...added, ...updated]) this.changed.add(client)
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.flash(), 0)
  }

  private flash(): void {
    const clients = [...this.changed]
    this.changed.clear()
    const states = this.provider.awareness.getStates()
    const names = new Set(clients.map((client) => (states.get(client) as { user?: { name?: unknown } } | undefined)?.user?.name))
    for (const caret of this.mount.querySelectorAll<HTMLElement>('.collaboration-carets__caret')) {
      const label = caret.querySelector<HTMLElement>('.collaboration-carets__label')
      if (!label || !names.has(caret.dataset.name)) continue
      for (const running of label.getAnimations()) running.cancel()
      // Visible, then faded out: the label's resting style is hidden (styles.css).
      label.animate([{ opacity: 1 }, { opacity: 1, offset: 0.85 }, { opacity: 0 }], { duration: labelMs, easing: 'linear' })
    }
  }
}
