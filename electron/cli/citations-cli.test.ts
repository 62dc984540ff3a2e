// The command line's citation commands, run as the analyst runs them: `import` of a Zotero export
// (its attachments read from beside it), `report --format csl-json|bibtex`, and `report --style`.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../db/testing.ts';
import { isCitationFile } from './import.ts';
import { cli, fingerprintOf } from './testing.ts';

const fixtures = join(import.meta.dirname, '..', 'citations', 'fixtures');

function read<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** A Zotero export as "Export Files" leaves it: the file, and its attachments in files/. */
function zoteroExport(): string {
  const folder = join(temporaryFolder(), 'My Library');
  cpSync(fixtures, folder, { recursive: true });
  return folder;
}

describe('citations on the command line', () => {
  it('imports a RIS export with the text of the attachment it names, and refuses a malformed BibTeX whole', () => {
    const folder = zoteroExport();
    const db = join(temporaryFolder(), 'p.sqlite');
    const imported = cli(['import', join(folder, 'zotero.ris'), '--db', db]);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toMatch(/^Added 5 sources from .*zotero\.ris \(5 entries\)\./);
    const [communique] = read<{ full_text: string }>(
      db,
      `SELECT full_text FROM source WHERE title LIKE 'Comunicado%'`,
    );
    expect(communique!.full_text).toContain('Grupo de Implementación de Seguridad de alto nivel');

    const before = fingerprintOf(db);
    const refused = cli(['import', join(folder, 'malformed.bib'), '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /malformed\.bib: line \d+: entry 2 "nunez_pena_mexico_2025" at line 8 cannot be read/,
    );
    expect(refused.stderr).not.toMatch(/Usage:/);
    expect(fingerprintOf(db)).toBe(before);
  });

  it('tells a CSL JSON export from a Pledgewatch JSON report by its shape', () => {
    const folder = temporaryFolder();
    const report = join(folder, 'briefing.json');
    writeFileSync(report, JSON.stringify({ format: 'pledgewatch.report/1', commitments: [] }));
    expect(isCitationFile(report)).toBe(false);
    expect(isCitationFile(join(fixtures, 'zotero.json'))).toBe(true);
    expect(isCitationFile(join(fixtures, 'zotero.bib'))).toBe(true);
  });

  it('writes the evidence of a report as CSL JSON and BibTeX', () => {
    const folder = zoteroExport();
    const db = join(temporaryFolder(), 'p.sqlite');
    expect(cli(['sample', '--db', db]).code).toBe(0);
    expect(cli(['import', join(folder, 'zotero.json'), '--db', db]).code).toBe(0);
    const out = temporaryFolder();
    const json = cli(['report', '--format', 'csl-json', '--out', join(out, 'evidence.json'), '--db', db]);
    expect(json.code).toBe(0);
    const items = JSON.parse(readFileSync(join(out, 'evidence.json'), 'utf8')) as { title: string }[];
    const count = Number(/^Wrote (\d+) sources? to /.exec(json.stdout)?.[1]);
    expect(items).toHaveLength(count);
    expect(count).toBeGreaterThan(0);
    const bibtex = cli(['report', '--format', 'bibtex', '--out', join(out, 'evidence.bib'), '--db', db]);
    expect(bibtex.code).toBe(0);
    expect(readFileSync(join(out, 'evidence.bib'), 'utf8').match(/^@\w+\{/gm)).toHaveLength(count);
  });

  it('writes a briefing in the citation style asked for, and refuses one it does not offer', () => {
    const db = join(temporaryFolder(), 'p.sqlite');
    expect(cli(['sample', '--db', db]).code).toBe(0);
    const out = temporaryFolder();
    const apa = cli(['report', '--format', 'md', '--style', 'APA', '--out', join(out, 'b.md'), '--db', db]);
    expect(apa.code).toBe(0);
    expect(readFileSync(join(out, 'b.md'), 'utf8')).toContain('Sources cited in APA style.');
    const wrong = cli(['report', '--format', 'md', '--style', 'mla', '--out', join(out, 'c.md'), '--db', db]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(
      /--style "mla" is not a citation style; use one of chicago-author-date, apa, harvard1/,
    );
  });
});
