// The layouts in Spanish, headings and all: the sample's briefing, scorecard, published site and calendar
// made in Spanish and read back by readers that share nothing with the writers (poppler's pdftotext,
// the DOCX's XML through unzip, marked, exceljs, ical.js), with the Spanish headings there and none of
// the English ones; and the English briefing as it has always read.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { marked } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { temporaryDatabase, temporaryFolder } from '../../db/testing.ts';
import { publishTracker } from '../publish/publish.ts';
import { loadSample } from '../ingest/sample.ts';
import type { ReportFormat } from '../../db/report-templates.ts';
import { renderCalendarForApi } from './calendar.ts';
import { exportReportToFile } from './export.ts';
import { inLanguage, type ReportLanguage } from './language.ts';
import { exportScorecardToFile, type ScorecardFormat } from './scorecard-export.ts';

const now = new Date('2025-10-01T12:00:00Z');
const briefing = { scope: { asOf: '2025-10-01' }, since: '2025-09-10' };
const scorecard = { scope: { asOf: '2025-10-01' }, compare: '2025-09-10' };

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const squeeze = (text: string) => text.replace(/\s+/g, ' ');

/** Whether the words are in the text, in any case: the PDF prints some headings in capitals, Word its kicker. */
function expectWords(text: string, present: string[], absent: string[] = []): void {
  const lower = text.toLowerCase();
  for (const words of present) expect(lower, words).toContain(words.toLowerCase());
  // The sample's sources say in their titles and publishers that they are summaries written for it:
  // the analyst's data, kept as written, not the layout's heading.
  const layout = lower.replaceAll(/summary for the sample|a summary of/g, '');
  for (const words of absent) expect(layout, words).not.toContain(words.toLowerCase());
}

/** What a person reads in each kind of file, as plain text. */
const readers = {
  pdf: (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
  docx: (file: string) => {
    const xml = execFileSync(
      'unzip',
      ['-p', file, 'word/document.xml', 'word/header1.xml', 'word/footer1.xml'],
      {
        encoding: 'utf8',
      },
    );
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((paragraph) =>
      [...paragraph[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((run) => run[1]).join(''),
    );
    return decode(paragraphs.join('\n'));
  },
  md: (file: string) =>
    decode(marked.parse(readFileSync(file, 'utf8'), { async: false, gfm: true }).replace(/<[^>]+>/g, ' ')),
  html: (file: string) =>
    decode(
      readFileSync(file, 'utf8')
        .replace(/<style>[\s\S]*?<\/style>/, '')
        .replace(/<[^>]+>/g, ' '),
    ),
};

/** Every sheet's name and the text of each of its cells, read by exceljs. */
async function workbookText(file: string): Promise<{ sheets: string[]; text: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const cells: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
  }
  return { sheets: workbook.worksheets.map((sheet) => sheet.name), text: cells.join('\n') };
}

const folder = temporaryFolder();
const { db } = temporaryDatabase();
loadSample(db);
const read: Record<ReportLanguage, Partial<Record<ReportFormat, string>>> = { en: {}, es: {} };
const card: Partial<Record<ScorecardFormat, string>> = {};

beforeAll(async () => {
  for (const language of ['es', 'en'] as const) {
    for (const format of ['pdf', 'docx', 'md', 'html'] as const) {
      const file = join(folder, `briefing-${language}.${format}`);
      await inLanguage(language, () => exportReportToFile(db, { ...briefing, format }, file, now));
      read[language][format] = squeeze(readers[format](file));
    }
  }
  for (const format of ['pdf', 'docx', 'md', 'html'] as const) {
    const file = join(folder, `scorecard-es.${format}`);
    await inLanguage('es', () => exportScorecardToFile(db, scorecard, format, file, now));
    card[format] = squeeze(readers[format](file));
  }
}, 180_000);

/** The briefing's headings and labels, in each language: each must be there in its own and not in the other. */
const briefingWords = {
  es: [
    'Informe de Pledgewatch',
    'Informe de compromisos',
    'Todos los compromisos',
    'A fecha de',
    'Datos hasta',
    'Generado',
    'Resumen',
    'Cambios desde el 10 sept 2025',
    'Cambios de estado (',
    'Correcciones de entradas anteriores',
    'Plazos',
    'Vencen en los próximos 30 días (1)',
    'Vencidos sin actualización desde entonces (0)',
    'Compromisos por tema',
    'Anexo: fuentes y citas',
  ],
  en: [
    'Pledgewatch briefing',
    'Commitments briefing',
    'All commitments',
    'As of',
    'Data through',
    'Generated',
    'Summary',
    'Changes since 10 Sep 2025',
    'Status changes (',
    'Corrections to past entries',
    'Deadlines',
    'Due in the next 30 days (1)',
    'Passed with no update since (0)',
    'Commitments by topic',
    'Annex: sources and quotes',
  ],
};

/** Words that only the English layout writes: none of them may be left in a Spanish file. */
const englishOnly = [
  'Pledgewatch briefing',
  'Commitments briefing',
  'All commitments',
  'As of',
  'Data through',
  'Generated',
  'Summary',
  'Changes since',
  'Status changes',
  'New evidence',
  'Deadlines passed',
  'Corrections to past entries',
  'Due in the next 30 days',
  'Passed with no update since',
  'Commitments by topic',
  'Annex: sources and quotes',
  'Latest evidence and note',
  'Page 1 of',
  'no deadline',
  'since 3 Sep',
];

describe('the briefing in Spanish', () => {
  for (const format of ['pdf', 'docx', 'md', 'html'] as const) {
    it(`has its headings, labels and dates in Spanish and none in English: ${format.toUpperCase()}`, () => {
      const text = read.es[format]!;
      expectWords(text, briefingWords.es, englishOnly);
      expect(text).toMatch(/sin plazo/);
      // A cell's lines: in the PDF the year may sit on the next line, among the other columns'.
      expect(text).toMatch(/desde el 3 sept/);
    });
  }

  it('prints its page numbers and the charts’ words in Spanish in the PDF', () => {
    const text = read.es.pdf!;
    expect(text).toMatch(/Página 1 de \d/);
    expectWords(text, ['Tendencias', 'Compromisos por estado a lo largo del tiempo']);
    expect(text).toMatch(/Compromisos por estado al final de cada mes, del /);
    expect(text).not.toMatch(/at the end of each|Mean score|\bOct\b/);
  });

  it('says it is in Spanish to whatever reads the HTML', () => {
    expect(readFileSync(join(folder, 'briefing-es.html'), 'utf8')).toContain('<html lang="es">');
    expect(readFileSync(join(folder, 'briefing-en.html'), 'utf8')).toContain('<html lang="en">');
  });

  it('keeps the analyst’s words as written: titles, statuses and parties', () => {
    for (const format of ['pdf', 'md', 'html'] as const) {
      expect(read.es[format]).toContain('90-day reprieve for Mexico from the threatened 30% tariffs');
      expect(read.es[format]).toContain('in progress');
      expect(read.es[format]).toContain('United States');
    }
  });
});

describe('the briefing in English', () => {
  for (const format of ['pdf', 'docx', 'md', 'html'] as const) {
    it(`reads as it always has, with no Spanish heading: ${format.toUpperCase()}`, () => {
      const text = read.en[format]!;
      expectWords(
        text,
        briefingWords.en,
        briefingWords.es.filter((words) => !briefingWords.en.includes(words)),
      );
      if (format === 'pdf') expect(text).toMatch(/Page 1 of \d/);
    });
  }
});

describe('the XLSX report in Spanish', () => {
  it('names its sheets and headers in Spanish, and keeps the analyst’s words and the data’s values', async () => {
    const file = join(folder, 'briefing-es.xlsx');
    await inLanguage('es', () => exportReportToFile(db, { ...briefing, format: 'xlsx' }, file, now));
    const { sheets, text } = await workbookText(file);
    expect(sheets).toEqual(['Compromisos', 'Historial de estados', 'Fuentes', 'Acerca de']);
    for (const words of [
      'título',
      'asumido por',
      'estado del plazo',
      'vigente desde',
      'Alcance',
      'Generado (UTC)',
    ]) {
      expect(text, words).toContain(words);
    }
    for (const words of [
      'made_by',
      'deadline_state',
      'effective_on',
      'Data through',
      'Generated (UTC)',
      'Scope',
    ]) {
      expect(text, words).not.toContain(words);
    }
    // The values stay data, as the CSV has them: the deadline state and the kind as the app names them.
    expect(text).toContain('due_soon');
    expect(text).toContain('reprieve');
  });
});

describe('the scorecard in Spanish', () => {
  const spanish = [
    'Evaluación de Pledgewatch',
    'Evaluación de cumplimiento',
    'Partes',
    'Todas las partes',
    'Cambios desde el 10 sept 2025',
    'Evaluación por tema',
    'Cómo se cuentan las puntuaciones',
  ];
  const english = [
    'Pledgewatch scorecard',
    'Compliance scorecard',
    'All parties',
    'Changes since',
    'Scorecard by topic',
    'How the scores are counted',
    'Evidence behind the scores',
    'The party has no status of its own',
    'no score yet',
    'Page 1 of',
  ];
  for (const format of ['pdf', 'docx', 'md', 'html'] as const) {
    it(`has its headings in Spanish and none in English: ${format.toUpperCase()}`, () => {
      const text = card[format]!;
      expectWords(text, spanish, english);
      expect(text).toContain('La parte no tiene estado propio en este compromiso');
    });
  }

  it('names its workbook’s sheets and headers in Spanish', async () => {
    const file = join(folder, 'scorecard-es.xlsx');
    await inLanguage('es', () => exportScorecardToFile(db, scorecard, 'xlsx', file, now));
    const { sheets, text } = await workbookText(file);
    expect(sheets).toEqual(['Partes', 'Evaluación', 'Temas', 'Cambios', 'Acerca de']);
    for (const words of [
      'Evaluación de cumplimiento — a fecha de 1 oct 2025',
      'con puntuación',
      'Mexico: puntuación',
    ]) {
      expect(text, words).toContain(words);
    }
    for (const words of ['Compliance scorecard', 'not yet assessed', 'Mexico score', 'All parties']) {
      expect(text, words).not.toContain(words);
    }
  });
});

describe('the published site in Spanish', () => {
  it('has its headings, navigation and footer in Spanish, and says so in <html lang>', async () => {
    const site = join(folder, 'site');
    await inLanguage('es', () => publishTracker(db, { folder: site, scope: { asOf: '2025-10-01' } }, now));
    const pages = [
      'index.html',
      ...readdirSync(join(site, 'commitments')).map((page) => `commitments/${page}`),
    ];
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    expect(index).toContain('<html lang="es">');
    const text = squeeze(decode(index.replace(/<[^>]+>/g, ' ')));
    for (const words of [
      'Seguimiento de compromisos',
      'Saltar al contenido',
      'Estado de los compromisos',
      'Evaluación por parte',
      'Vencen en los próximos 30 días',
      'Todos los compromisos, por tema',
      'Publicado el 1 oct 2025, 12:00 UTC con Pledgewatch',
    ]) {
      expect(text, words).toContain(words);
    }
    for (const page of pages) {
      const words = squeeze(decode(readFileSync(join(site, page), 'utf8').replace(/<[^>]+>/g, ' ')));
      for (const english of [
        'Commitments tracker',
        'Skip to the content',
        'Published',
        'Deadlines',
        'All commitments',
      ]) {
        expect(words, `${page}: ${english}`).not.toContain(english);
      }
    }
    const commitment = readFileSync(join(site, pages[1]!), 'utf8');
    expect(commitment).toContain('Lo ocurrido, de lo más reciente a lo más antiguo');
    // The pages keep their names and anchors in every language.
    expect(index).toContain('id="deadlines"');
    expect(pages.slice(1).every((page) => /^commitments\/[0-9a-f-]+\.html$/.test(page))).toBe(true);
  });
});

describe('the calendar in Spanish', () => {
  it('describes each deadline in Spanish, with the same UIDs as in English', () => {
    const events = (language: ReportLanguage) => {
      const rendered = inLanguage(language, () => renderCalendarForApi(db, { scope: {} }, now));
      const text = Buffer.from(rendered.base64, 'base64').toString('utf8');
      const calendar = new ICAL.Component(ICAL.parse(text));
      return {
        fileName: rendered.fileName,
        name: String(calendar.getFirstPropertyValue('x-wr-calname')),
        events: calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component)),
      };
    };
    const [spanish, english] = [events('es'), events('en')];
    expect(spanish.name).toBe('Plazos de Pledgewatch');
    expect(spanish.fileName).toBe(english.fileName);
    expect(spanish.events.map((event) => event.uid)).toEqual(english.events.map((event) => event.uid));
    for (const event of spanish.events) {
      expect(event.summary).toMatch(/^Vence: /);
      expect(event.description).toMatch(/^Estado: /);
      expect(event.description).toContain('Expediente: US–Mexico security and trade cooperation, 2025');
      expect(event.description).toContain('Abrir en Pledgewatch: pledgewatch://commitment/');
      expect(event.description).not.toMatch(/Status:|Deadline:|Dossier:|Open in Pledgewatch/);
    }
  });
});
