// The language a report is written in: the app's unless the request chooses another, English by
// default. The reports' words are Paraglide JS messages (electron/shared/i18n); in Node they read the
// language from here, so a report rendered for one window in Spanish and one for another in English,
// at the same time in one process, each get their own (AsyncLocalStorage follows each through its awaits).
import { AsyncLocalStorage } from 'node:async_hooks';
import { baseLocale, locales, overwriteGetLocale } from '../shared/i18n/paraglide/runtime.js';

export type ReportLanguage = (typeof locales)[number];

export const reportLanguages: readonly ReportLanguage[] = locales;

const current = new AsyncLocalStorage<ReportLanguage>();

overwriteGetLocale(() => current.getStore() ?? baseLocale);

/** Runs `work` with the reports' words in `language` (the default's when left out). */
export function inLanguage<T>(language: ReportLanguage | undefined, work: () => T): T {
  return language === undefined ? work() : current.run(language, work);
}

/** The language the report being made is written in. */
export function reportLanguage(): ReportLanguage {
  return current.getStore() ?? baseLocale;
}

/** The tag its dates and numbers are formatted with. */
export function reportFormatTag(): string {
  return reportLanguage() === 'es' ? 'es' : 'en-GB';
}

/**
 * The language a command-line report is written in when --language does not say: the system's
 * (LANG, LC_ALL) when it is one of the app's, else English.
 */
export function systemReportLanguage(env: NodeJS.ProcessEnv = process.env): ReportLanguage {
  const tag = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  return reportLanguages.find((language) => tag.startsWith(language)) ?? baseLocale;
}
