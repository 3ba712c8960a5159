import { en } from './en.ts'
import { fr, type Messages } from './fr.ts'

export type Language = 'fr' | 'en'
const catalogs: Record<Language, Messages> = { fr, en }
const storageKey = 'plenum.language'
const changeEvent = 'plenum-language-change'

// French unless the person chose English on this device.
let current: Language = localStorage.getItem(storageKey) === 'en' ? 'en' : 'fr'
document.documentElement.lang = current

export function language(): Language {
  return current
}

/** The messages of the current language. */
export function t(): Messages {
  return catalogs[current]
}

export function setLanguage(next: Language): void {
  if (next === current) return
  current = next
  localStorage.setItem(storageKey, next)
  document.documentElement.lang = next
  window.dispatchEvent(new Event(changeEvent))
}

export function onLanguageChange(listener: () => void): () => void {
  window.addEventListener(changeEvent, listener)
  return () => window.removeEventListener(changeEvent, listener)
}
