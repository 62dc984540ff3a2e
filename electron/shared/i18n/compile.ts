// `npm run i18n`: checks that every message exists in English and in Spanish with the same
// placeholders, then compiles them with Paraglide JS into typed functions (electron/shared/i18n/paraglide,
// generated, not kept in git). A message missing from one language stops the build here, naming it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compile } from '@inlang/paraglide-js';

const here = import.meta.dirname;
const messagesDir = join(here, 'messages');
export const locales = ['en', 'es'] as const;

type Messages = Record<string, unknown>;

function read(file: string): Messages {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Messages;
  } catch (error) {
    throw new Error(`${relative(process.cwd(), file)}: ${(error as Error).message}`, { cause: error });
  }
}

/** The placeholders a message uses ({count}, {name}), in any variant of it. */
function placeholders(message: unknown): string[] {
  const text = JSON.stringify(message);
  return [...new Set([...text.matchAll(/\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g)].map((match) => match[1]!))].sort();
}

/** What is wrong with the messages, one line each; empty when each language has each message. */
export function messageProblems(dir: string = messagesDir): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const area of readdirSync(dir).sort()) {
    const files = Object.fromEntries(
      locales.map((locale) => [locale, read(join(dir, area, `${locale}.json`))]),
    );
    const keys = (locale: string) => Object.keys(files[locale]!).filter((key) => key !== '$schema');
    for (const locale of locales) {
      const other = locales.find((each) => each !== locale)!;
      const missing = keys(other).filter((key) => !(key in files[locale]!));
      if (missing.length > 0) problems.push(`messages/${area}/${locale}.json lacks ${missing.join(', ')}`);
    }
    for (const key of keys('en')) {
      const where = `messages/${area}`;
      if (seen.has(key)) problems.push(`${key} is in both ${seen.get(key)} and ${where}`);
      seen.set(key, where);
      if (!(key in files.es!)) continue;
      const [english, spanish] = [placeholders(files.en![key]), placeholders(files.es![key])];
      if (english.join() !== spanish.join()) {
        problems.push(`${key}: English uses {${english.join('}, {')}}, Spanish {${spanish.join('}, {')}}`);
      }
    }
  }
  return problems;
}

/** The areas the project lists: every folder of messages must be there. */
function listedAreas(): string[] {
  const settings = read(join(here, 'project.inlang', 'settings.json'));
  const patterns = (settings['plugin.inlang.messageFormat'] as { pathPattern: string[] }).pathPattern;
  return patterns.map((pattern) => pattern.split('/').at(-2)!);
}

/** True when the compiled messages are newer than every message file and the settings. */
function upToDate(): boolean {
  const compiled = join(here, 'paraglide', 'messages.js');
  if (!existsSync(compiled)) return false;
  const made = statSync(compiled).mtimeMs;
  const sources = [join(here, 'project.inlang', 'settings.json'), import.meta.filename];
  for (const area of readdirSync(messagesDir)) {
    for (const locale of locales) sources.push(join(messagesDir, area, `${locale}.json`));
  }
  return sources.every((file) => !existsSync(file) || statSync(file).mtimeMs < made);
}

async function main(): Promise<void> {
  const problems = messageProblems();
  const unlisted = readdirSync(messagesDir).filter((area) => !listedAreas().includes(area));
  for (const area of unlisted) problems.push(`messages/${area} is not in project.inlang/settings.json`);
  if (problems.length > 0) {
    process.stderr.write(
      `i18n: the messages are not the same in every language:\n- ${problems.join('\n- ')}\n`,
    );
    process.exit(1);
  }
  if (upToDate() && !process.argv.includes('--force')) return;
  await compile({
    project: join(here, 'project.inlang'),
    outdir: join(here, 'paraglide'),
    // The renderer: the language chosen in the app, else the system's, else English. The main
    // process and the reports pass the language they want to each message.
    strategy: ['localStorage', 'preferredLanguage', 'baseLocale'],
    localStorageKey: 'pledgewatch.language',
    emitTsDeclarations: true,
    emitReadme: false,
    // One module per language rather than one per message: Node loads the command line's and browser
    // mode's messages from three files instead of some 1,400 (about 0.2 s of every process's start).
    outputStructure: 'locale-modules',
  });
}

if (import.meta.main) await main();
