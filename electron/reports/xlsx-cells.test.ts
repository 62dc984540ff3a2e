// Cells as SpreadsheetML: days and moments as day numbers worked out by arithmetic, checked against the
// clock's own arithmetic; what is not a day stays text; the reference left out only where allowed.
import { describe, expect, it } from 'vitest';
import { at, CellWriter, cellStyle } from './xlsx-cells.ts';

const cells = new CellWriter();
const valueOf = (xml: string) => /<v>([^<]*)<\/v>/.exec(xml)?.[1];

describe('day and moment cells', () => {
  it('writes a day as its number in the 1900 date system, with the day format', () => {
    expect(cells.cell('date', at('A2'), '2025-10-29')).toBe(
      `<c r="A2" s="${cellStyle.day}"><v>45959</v></c>`,
    );
    expect(valueOf(cells.cell('date', '', '1900-03-01'))).toBe('61');
    expect(valueOf(cells.cell('date', '', '2024-02-29'))).toBe('45351');
  });

  it('keeps what is not a day as text, neutralised like any text', () => {
    for (const text of ['2025-02-30', '2025-13-01', '2025-10-1', 'soon', '2025-10-29T10:00']) {
      expect(cells.cell('date', '', text), text).toContain(`<t>${text}</t>`);
    }
    expect(cells.cell('date', '', '=2025-10-29')).toContain("<t>'=2025-10-29</t>");
  });

  it('writes moments so that a reader gets back each millisecond', () => {
    const moments = [
      '2025-10-01T00:00:00.000Z',
      '2025-10-01T18:00:00.000Z',
      '2025-10-01T23:59:59.999Z',
      '2026-11-23T20:00:00.001Z',
      '1999-12-31T12:34:56.789Z',
    ];
    for (let step = 0; step < 200; step += 1) {
      moments.push(new Date(Date.UTC(2020, 0, 1) + step * 7_919_993_311).toISOString());
    }
    for (const moment of moments) {
      const xml = cells.cell('timestamp', '', moment);
      expect(xml, moment).toContain(`s="${cellStyle.moment}"`);
      // What exceljs does to read a date cell back.
      const read = Math.round((Number(valueOf(xml)) - 25_569) * 86_400_000);
      expect(new Date(read).toISOString()).toBe(moment);
    }
  });

  it('parses a moment written another way, and keeps text that is none as text', () => {
    expect(Number(valueOf(cells.cell('timestamp', '', '2025-10-01T18:00:00Z')))).toBe(45_931.75);
    expect(cells.cell('timestamp', '', 'yesterday')).toContain('<t>yesterday</t>');
  });
});

describe('other cells', () => {
  it('leaves out empty values and writes numbers as numbers', () => {
    expect(cells.cell('text', at('B2'), null)).toBe('');
    expect(cells.cell('text', at('B2'), '')).toBe('');
    expect(cells.cell('integer', '', 42)).toBe('<c><v>42</v></c>');
  });
});
