// Citations in the house style, read back from the files an analyst sends: the PDF through
// pdftotext, the Word file's own XML through unzip, the Markdown and HTML as text. The sources come
// from the Zotero fixture; the style is the settings' (Chicago author-date by default) or the report's.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CitationStyle } from '../domain/model.ts';
import { saveSettings } from '../../db/settings.ts';
import { temporaryDatabase, temporaryFolder } from '../../db/testing.ts';
import type { ReportFormat } from '../../db/report-templates.ts';
import { exportReportToFile } from '../reports/export.ts';
import { call, citationFile, quoteEverySource } from './testing.ts';

const squeeze = (text: string) => text.replace(/\s+/g, ' ');
const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Chicago author-date (18th edition) as the Manual prints these five items' references. */
const chicago = [
  'Seelke, Clare Ribando, and June S. Beittel. 2025. U.S.-Mexico Security Cooperation: Fentanyl and Firearms Trafficking. CRS In Focus No. IF10578. Congressional Research Service. https://crsreports.congress.gov/product/pdf/IF/IF10578.',
  'U.S. Department of State. 2025. “Joint Statement on the U.S.-Mexico Security Implementation Group.” September 3.',
  'Núñez Peña, José Ángel, and Alicia Bárcena Ibarra. 2025. “México y EE. UU. acuerdan un grupo de implementación de seguridad.” La Jornada, September 5.',
  'Secretaría de Relaciones Exteriores. 2025. Comunicado conjunto México–Estados Unidos sobre cooperación en seguridad. Comunicado de prensa SRE-342. Gobierno de México.',
  'Villarreal, M. Angeles. 2025. The 90-Day Tariff Reprieve and the USMCA Joint Review. No. R47898. Congressional Research Service.',
];

let db: Database;
let folder: string;

beforeAll(async () => {
  ({ db } = temporaryDatabase());
  folder = temporaryFolder();
  await call(db, 'importCitations', citationFile('zotero.json'));
  await quoteEverySource(db);
});

async function exported(format: ReportFormat, style?: CitationStyle): Promise<string> {
  const file = join(
    folder,
    `briefing-${style ?? 'settings'}-${Math.random().toString(36).slice(2)}.${format}`,
  );
  await exportReportToFile(db, { scope: {}, format, ...(style ? { style } : {}) }, file);
  return file;
}

function pdfText(file: string): string {
  return squeeze(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }))
    .replace(/- (?=[a-z])/g, '-') // a line broken at a hyphen inside an address
    .replace(/(\/)\s/g, '$1');
}

/** Word's paragraphs as text, and the text of every run set in italics. */
function docx(file: string): { paragraphs: string[]; italics: string[] } {
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
  const texts = (fragment: string) =>
    decode([...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''));
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => texts(match[0]));
  const italics = [...xml.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:i\/>[\s\S]*?<\/w:r>/g)].map((match) =>
    texts(match[0]),
  );
  return { paragraphs, italics };
}

describe('citations in the house style', () => {
  it('print in the PDF briefing as a Chicago author-date bibliography, with in-text citations by the quotes', async () => {
    const text = pdfText(await exported('pdf'));
    expect(text).toContain('Sources cited in Chicago author-date style.');
    for (const reference of chicago) expect(text).toContain(reference.replace(/(\/)\s/g, '$1'));
    expect(text).toContain('[S4] (Seelke and Beittel 2025)');
  });

  it('print in the Word file, each reference one paragraph, titles of reports in italics', async () => {
    const { paragraphs, italics } = docx(await exported('docx'));
    for (const reference of chicago) {
      expect(
        paragraphs.some((paragraph) => paragraph.startsWith('[S') && paragraph.includes(reference)),
      ).toBe(true);
    }
    expect(italics).toContain('U.S.-Mexico Security Cooperation: Fentanyl and Firearms Trafficking');
    expect(italics).toContain('La Jornada');
    // A newspaper article's title is in quotation marks, not italics.
    expect(italics.join('|')).not.toContain('acuerdan un grupo');
  });

  it('print in Markdown and HTML with the same references, italics as emphasis', async () => {
    const markdown = readFileSync(await exported('md'), 'utf8');
    expect(markdown).toContain('_U.S.-Mexico Security Cooperation: Fentanyl and Firearms Trafficking_');
    expect(squeeze(markdown.replace(/_/g, ''))).toContain(chicago[0]);
    const page = readFileSync(await exported('html'), 'utf8');
    expect(page).toContain('<i>U.S.-Mexico Security Cooperation: Fentanyl and Firearms Trafficking</i>');
    expect(decode(squeeze(page.replace(/<[^>]+>/g, '')))).toContain(chicago[2]);
  });

  it('follow the style the report asks for, else the one chosen in the settings', async () => {
    const apa = pdfText(await exported('pdf', 'apa'));
    expect(apa).toContain('Sources cited in APA style.');
    expect(apa).toContain('Seelke, C. R., & Beittel, J. S. (2025). U.S.-Mexico Security Cooperation');
    expect(apa).toContain('(Seelke & Beittel, 2025)');
    saveSettings(db, { citationStyle: 'harvard1' });
    try {
      const harvard = squeeze(readFileSync(await exported('md'), 'utf8').replace(/_/g, ''));
      expect(harvard).toContain('Sources cited in Harvard style.');
      expect(harvard).toContain('Seelke, C.R. and Beittel, J.S. (2025) U.S.-Mexico Security Cooperation');
    } finally {
      saveSettings(db, { citationStyle: 'chicago-author-date' });
    }
  });

  it('cite a source pasted in without a bibliographic record from its title, publisher, date and address', async () => {
    const { db: pasted } = temporaryDatabase();
    const added = await call<{ id: number }>(pasted, 'addSource', {
      title: 'Readout of the Security Implementation Group',
      publisher: 'The White House',
      url: 'https://www.whitehouse.gov/briefings/2025/10/readout-security-implementation-group/',
      publishedOn: '2025-10-02',
      fullText:
        'The Security Implementation Group met in Washington. Both sides reviewed the fentanyl pledges.',
    });
    expect(added.id).toBeGreaterThan(0);
    await quoteEverySource(pasted);
    const file = join(folder, 'pasted.md');
    await exportReportToFile(pasted, { scope: {}, format: 'md' }, file);
    expect(squeeze(readFileSync(file, 'utf8'))).toContain(
      'The White House. 2025. “Readout of the Security Implementation Group.” October 2. https://www.whitehouse.gov/briefings/2025/10/readout-security-implementation-group/.',
    );
  });
});
