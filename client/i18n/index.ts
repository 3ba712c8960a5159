import { languageCookie } from '../../shared/client-cookies.ts'
import { fr, type Messages } from './fr.ts'

export type Language = 'fr' | 'en'
/**
 * French comes with the app; English in its own script, fetched when chosen (or when this device
 * chose it before), so that a phone in French does not download it on the hall's Wi-Fi.
 */
const catalogs: Partial<Record<Language, Messages>> = { fr }
const storageKey = 'plenum.language'
const changeEvent = 'plenum-language-change'

function load(lang: Language): Promise<Messages> {
  const loaded = catalogs[lang]
  if (loaded) return Promise.resolve(loaded)
  return import('./en.ts').then(({ en }) => (catalogs.en = en))
}

function remember(lang: Language): void {
  localStorage.setItem(storageKey, lang)
  document.cookie = `${languageCookie}=${lang}; path=/; max-age=${400 * 24 * 3600}; samesite=lax`
}

// French until the person's English (chosen on this device) has arrived.
let current: Language = 'fr'
document.documentElement.lang = current

/**
 * Resolves once the language this device chose can be shown: the app renders nothing before
 * (plenum-app.ts), so no page flashes in French first. If English cannot be fetched, French.
 */
export const languageReady: Promise<void> =
  localStorage.getItem(storageKey) === 'en'
    ? load('en').then(
        () => {
          current = 'en'
          document.documentElement.lang = 'en'
        },
        (error: unknown) => console.error(error),
      )
    : Promise.resolve()

export function language(): Language {
  return current
}

/** The messages of the current language. */
export function t(): Messages {
  return catalogs[current] ?? fr
}

/** Switches once the language's messages are here (fetched the first time English is chosen). */
export async function setLanguage(next: Language): Promise<void> {
  if (next === current) return
  await load(next)
  current = next
  remember(next)
  document.documentElement.lang = next
  window.dispatchEvent(new Event(changeEvent))
}

export function onLanguageChange(listener: () => void): () => void {
  window.addEventListener(changeEvent, listener)
  return () => window.removeEventListener(changeEvent, listener)
}
