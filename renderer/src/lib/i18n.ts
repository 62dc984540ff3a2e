// The app's language: the one the analyst chose in Settings, else the system's (Spanish for any
// Spanish locale), else English. Messages are Paraglide JS functions (electron/shared/i18n); this
// module says which language is in force and formats dates and numbers for it.
import {
  baseLocale,
  extractLocaleFromNavigator,
  getLocale,
  localStorageKey,
  locales,
  setLocale,
} from '../../../electron/shared/i18n/paraglide/runtime.js';

export type Language = (typeof locales)[number];

export const languages: readonly Language[] = locales;

/** Each language by its own name, as a language menu shows it. */
export const languageNames: Record<Language, string> = { en: 'English', es: 'Español' };

/** The language in force. */
export function language(): Language {
  return getLocale();
}

/** The system's language, as the app would use it with no choice made. */
export function systemLanguage(): Language {
  return extractLocaleFromNavigator() ?? baseLocale;
}

/** The analyst's own choice, or null when the app follows the system. */
export function chosenLanguage(): Language | null {
  const stored = globalThis.localStorage?.getItem(localStorageKey);
  return (languages as readonly string[]).includes(stored ?? '') ? (stored as Language) : null;
}

/** Changes the language (null: follow the system's) and reloads the window in it. */
export function chooseLanguage(choice: Language | null): void {
  if (choice === null) {
    globalThis.localStorage?.removeItem(localStorageKey);
    location.reload();
  } else setLocale(choice);
}

/** The tag dates and numbers are formatted with: British English, so "3 Sept 2025"; Spanish. */
export function formatTag(of: Language = language()): string {
  return of === 'es' ? 'es' : 'en-GB';
}

/** A whole number as the language writes it: 100,000 or 100 000. */
export function formatCount(count: number): string {
  return count.toLocaleString(formatTag());
}
