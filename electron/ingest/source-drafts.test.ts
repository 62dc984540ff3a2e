// A file's bytes read as a source draft, as the API's draftSource and the renderer's drop both read them.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromFile } from './source-drafts.ts';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

/** A file on disk, read the way draftSource receives it: its name and its bytes. */
function readSourceFile(path: string) {
  return draftFromFile(basename(path), new Uint8Array(readFileSync(path)));
}

const fromBytes = (name: string, text: string) => draftFromFile(name, new TextEncoder().encode(text));

describe('draftFromFile', () => {
  it('reads an HTML page to text with its title, publisher, URL and date, leaving out scripts and navigation', async () => {
    const draft = await readSourceFile(fixture('communique.html'));
    expect(draft).toMatchObject({
      title: 'Joint statement on border cooperation',
      publisher: 'Example Ministry of Foreign Affairs',
      url: 'https://ministry.example/statements/border-cooperation',
      publishedOn: '2026-03-14',
      language: 'en',
    });
    expect(draft.fullText).toContain(
      'Canada will deploy 500 additional officers along the border within six months.',
    );
    expect(draft.fullText).not.toMatch(/tracking|Home \| News/);
  });

  it('reads the text layer of a PDF printed by Chromium', async () => {
    const draft = await readSourceFile(fixture('statement.pdf'));
    expect(draft.title).toBe('Joint statement of 15 January 2026');
    expect(draft.fullText.replace(/\s+/g, ' ')).toContain(
      'The Security Implementation Group will meet again on 23 January 2026.',
    );
  });

  it('takes a Markdown heading for the title and detects Spanish', async () => {
    const draft = fromBytes(
      'nota.md',
      '# México y Estados Unidos acuerdan cooperar\r\n\r\nMéxico se compromete a extender el rastreo de armas.',
    );
    expect(await draft).toMatchObject({
      title: 'México y Estados Unidos acuerdan cooperar',
      language: 'es',
    });
  });

  it('refuses other file types and PDFs without text, naming the file', async () => {
    await expect(fromBytes('sheet.xlsx', 'PK')).rejects.toThrow(
      /sheet\.xlsx: Pledgewatch reads .*\.pdf files, not \.xlsx/,
    );
    await expect(fromBytes('broken.pdf', 'not a pdf at all')).rejects.toThrow();
  });
});
