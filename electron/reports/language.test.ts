// A report's words in the language asked for: the sample's briefing as Markdown in Spanish and in
// English, through the API as the app asks for it and with the command line's --language.
import { describe, expect, it } from 'vitest';
import { temporaryDatabase } from '../../db/testing.ts';
import { callOperationAsync } from '../api/dispatch.ts';
import { loadSample } from '../ingest/sample.ts';
import { inLanguage, systemReportLanguage } from './language.ts';
import { renderMarkdown } from './markdown.ts';
import { buildReport } from './model.ts';

const asOf = '2025-10-01';

describe('the language of a report', () => {
  it('writes dates, deadline states, parties and kinds in Spanish when asked', () => {
    const { db } = temporaryDatabase();
    loadSample(db);
    const now = new Date('2025-10-01T12:00:00Z');
    const spanish = inLanguage('es', () => renderMarkdown(buildReport(db, { asOf }, now)));
    const english = renderMarkdown(buildReport(db, { asOf }, now));
    expect(spanish).toMatch(/Asumido por (Mexico|United States)/);
    expect(spanish).toMatch(/\b29 oct 2025 \(vence pronto\)/);
    expect(spanish).toMatch(/· prórroga/);
    expect(english).toMatch(/Made by (Mexico|United States)/);
    expect(english).toMatch(/\b29 Oct 2025 \(due soon\)/);
    expect(english).not.toMatch(/vence pronto|Asumido por/);
  });

  it('renders in the language the API request names, and refuses one the app does not speak', async () => {
    const { db } = temporaryDatabase();
    loadSample(db);
    const preview = (language: unknown) =>
      callOperationAsync(db, 'previewReport', { scope: { asOf }, format: 'md', language });
    const result = await preview('es');
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).toMatch(/Asumido por/);
    expect(await preview('fr')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/language must be en or es/) },
    });
  });

  it('takes the command line’s language from the system when it is Spanish or English', () => {
    expect(systemReportLanguage({ LANG: 'es_MX.UTF-8' })).toBe('es');
    expect(systemReportLanguage({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(systemReportLanguage({ LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(systemReportLanguage({})).toBe('en');
  });
});
