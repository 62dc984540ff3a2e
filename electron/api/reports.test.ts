// The report operations through the API, as the app's report dialog calls them: a live preview that
// writes nothing, a rendered file remembered as sent, and templates.
import { describe, expect, it } from 'vitest';
import { fingerprint, temporaryDatabase } from '../../db/testing.ts';
import { callOperation, callOperationAsync } from './dispatch.ts';

function sampleApi() {
  const { db } = temporaryDatabase();
  const loaded = callOperation(db, 'loadSample', {});
  if (!loaded.ok) throw new Error(loaded.error.message);
  const topicId = db.prepare(`SELECT id FROM topic WHERE name = 'tariffs'`).pluck().get() as number;
  return { db, topicId };
}

describe('report operations', () => {
  it('previews the briefing as HTML without writing anything', async () => {
    const { db, topicId } = sampleApi();
    const before = fingerprint(db);
    const result = await callOperationAsync(db, 'previewReport', {
      scope: { topicId },
      template: 'Tariff watch',
    });
    expect(result.ok).toBe(true);
    const preview = (
      result as { value: { html: string; commitmentCount: number; comparedWith: string; fileName: string } }
    ).value;
    expect(preview.commitmentCount).toBe(2);
    expect(preview.html).toContain('Topic: trade › tariffs, with its subtopics');
    expect(preview.html).toContain('90-day reprieve for Mexico from the threatened 30% tariffs');
    expect(preview.html).not.toMatch(/<script/i);
    expect(preview.comparedWith).toMatch(/No “Tariff watch” report was sent before today/);
    expect(preview.fileName).toMatch(/^Tariff watch \d{4}-\d{2}-\d{2}\.pdf$/);
    expect(fingerprint(db)).toBe(before);
  });

  it('renders a file for the app to save and remembers it as sent', async () => {
    const { db, topicId } = sampleApi();
    const result = await callOperationAsync(db, 'renderReport', {
      scope: { topicId },
      format: 'md',
      template: 'Tariff watch',
      fileName: '../../etc/CON.md',
    });
    if (!result.ok) throw new Error(result.error.message);
    const file = result.value as { fileName: string; mimeType: string; base64: string; snapshotId: number };
    expect(file.fileName).toBe('etc-CON.md');
    expect(file.mimeType).toBe('text/markdown; charset=utf-8');
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toMatch(/^# Tariff watch\n/);
    const sent = callOperation(db, 'listReportSnapshots', { template: 'tariff WATCH' });
    expect(sent).toMatchObject({
      ok: true,
      value: [{ id: file.snapshotId, format: 'md', commitmentCount: 2 }],
    });
  });

  it('renders a Word file through the asynchronous path, and refuses it on the synchronous one', async () => {
    const { db } = sampleApi();
    const before = fingerprint(db);
    expect(callOperation(db, 'renderReport', { format: 'docx' })).toMatchObject({
      ok: false,
      error: {
        code: 'internal',
        message: 'renderReport finishes later: call it through callOperationAsync.',
      },
    });
    expect(fingerprint(db)).toBe(before);
    const result = await callOperationAsync(db, 'renderReport', { format: 'docx' });
    if (!result.ok) throw new Error(result.error.message);
    const bytes = Buffer.from((result.value as { base64: string }).base64, 'base64');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    // Everything else goes through the asynchronous entry point just the same.
    expect(await callOperationAsync(db, 'listReportTemplates', {})).toEqual({ ok: true, value: [] });
    expect(await callOperationAsync(db, 'nothing', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_operation' },
    });
  });

  it('saves, lists and deletes templates', () => {
    const { db, topicId } = sampleApi();
    const saved = callOperation(db, 'saveReportTemplate', {
      name: 'Friday briefing',
      scope: { topicId },
      format: 'pdf',
    });
    expect(saved).toMatchObject({
      ok: true,
      value: { name: 'Friday briefing', format: 'pdf', scope: { topicId } },
    });
    expect(callOperation(db, 'listReportTemplates', {})).toMatchObject({
      ok: true,
      value: [{ name: 'Friday briefing' }],
    });
    expect(callOperation(db, 'deleteReportTemplate', { name: 'friday briefing' })).toEqual({
      ok: true,
      value: { name: 'Friday briefing' },
    });
    expect(callOperation(db, 'deleteReportTemplate', { name: 'Friday briefing' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('report operations on bad days', () => {
  it('refuses changes since a day after the day the report describes, writing nothing', async () => {
    const { db } = sampleApi();
    const before = fingerprint(db);
    const result = await callOperationAsync(db, 'renderReport', {
      format: 'md',
      scope: { asOf: '2025-10-01' },
      since: '2025-11-01',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'since' }] },
    });
    expect(fingerprint(db)).toBe(before);
  });
});

describe('spreadsheets through the API', () => {
  it('streams a CSV table for the app to save, and remembers it as sent', async () => {
    const { db, topicId } = sampleApi();
    const result = await callOperationAsync(db, 'renderReport', { format: 'csv', scope: { topicId } });
    if (!result.ok) throw new Error(result.error.message);
    const file = result.value as { fileName: string; base64: string; commitmentCount: number };
    expect(file.fileName).toMatch(/^Commitments briefing \d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.commitmentCount).toBe(2);
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toContain('90-day reprieve');
    expect(callOperation(db, 'listReportSnapshots', {})).toMatchObject({
      ok: true,
      value: [{ format: 'csv', commitmentCount: 2, template: null }],
    });
  });
});
