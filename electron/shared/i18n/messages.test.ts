// Every message of the UI in English and in Spanish, with the same placeholders: the check `npm run
// i18n` makes before compiling, on the real messages and on a hand-made pair that falls short.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../db/testing.ts';
import { messageProblems } from './compile.ts';

function messages(files: Record<string, Record<string, Record<string, unknown>>>): string {
  const dir = temporaryFolder();
  for (const [area, locales] of Object.entries(files)) {
    mkdirSync(join(dir, area));
    for (const [locale, content] of Object.entries(locales)) {
      writeFileSync(join(dir, area, `${locale}.json`), JSON.stringify(content));
    }
  }
  return dir;
}

describe('the messages of every language', () => {
  it('has each message of the app in English and in Spanish', () => {
    expect(messageProblems()).toEqual([]);
  });

  it('names a message one language lacks, and the file', () => {
    const dir = messages({
      list: { en: { list_title: 'Commitments', list_empty: 'None yet' }, es: { list_title: 'Compromisos' } },
      menu: { en: { menu_open: 'Open' }, es: { menu_open: 'Abrir', menu_close: 'Cerrar' } },
    });
    expect(messageProblems(dir)).toEqual([
      'messages/list/es.json lacks list_empty',
      'messages/menu/en.json lacks menu_close',
    ]);
  });

  it('names a message whose placeholders differ between the languages', () => {
    const dir = messages({
      list: { en: { list_count: '{count} commitments' }, es: { list_count: '{n} compromisos' } },
    });
    expect(messageProblems(dir)).toEqual(['list_count: English uses {count}, Spanish {n}']);
  });

  it('names a message kept in two places', () => {
    const dir = messages({
      a: { en: { shared_ok: 'OK' }, es: { shared_ok: 'Aceptar' } },
      b: { en: { shared_ok: 'OK' }, es: { shared_ok: 'Aceptar' } },
    });
    expect(messageProblems(dir)).toEqual(['shared_ok is in both messages/a and messages/b']);
  });
});
