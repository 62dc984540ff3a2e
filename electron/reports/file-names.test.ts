// Exported file names: no way out of the folder, nothing a system refuses, always the right extension.
import { describe, expect, it } from 'vitest';
import { reportFileName, safeFileName } from './file-names.ts';

describe('safe file names', () => {
  it('never leaves the folder', () => {
    expect(safeFileName('../../etc/passwd', 'pdf')).toBe('etc-passwd.pdf');
    expect(safeFileName('..\\..\\Windows\\win.ini', 'md')).toBe('Windows-win.ini.md');
    expect(safeFileName('..', 'pdf')).toBe('report.pdf');
    expect(safeFileName('/', 'pdf')).toBe('report.pdf');
    for (const name of ['../../etc/passwd', 'a/b\\c', '..', '.hidden']) {
      expect(safeFileName(name, 'pdf')).not.toMatch(/[/\\]|^\./);
    }
  });

  it('renames the devices Windows reserves, with or without an extension', () => {
    expect(safeFileName('CON.pdf', 'pdf')).toBe('report CON.pdf');
    expect(safeFileName('con', 'docx')).toBe('report con.docx');
    expect(safeFileName('lpt1.backup', 'md')).toBe('report lpt1.backup.md');
    expect(safeFileName('Console notes', 'md')).toBe('Console notes.md');
  });

  it('drops control characters and the characters Windows refuses, and trailing dots and spaces', () => {
    expect(safeFileName('Friday\u0000 brief\u001b[31ming\n', 'pdf')).toBe('Friday brief[31ming.pdf');
    expect(safeFileName('Tariffs\tand\r\nquotas', 'md')).toBe('Tariffs and quotas.md');
    expect(safeFileName('What? <now>: "tariffs" | *all*', 'csv')).toBe('What- -now- -tariffs- - -all.csv');
    expect(safeFileName('Briefing. . .', 'pdf')).toBe('Briefing.pdf');
  });

  it('keeps one extension, in lower case, and a length every file system takes', () => {
    expect(safeFileName('Briefing.PDF', 'pdf')).toBe('Briefing.pdf');
    expect(safeFileName('Briefing.pdf', 'md')).toBe('Briefing.pdf.md');
    const long = safeFileName('é'.repeat(400), 'docx');
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(190);
    expect(long.endsWith('é.docx')).toBe(true);
  });

  it('names a report after its template and day', () => {
    expect(reportFileName('Friday briefing', '2026-11-20', 'pdf')).toBe('Friday briefing 2026-11-20.pdf');
    expect(reportFileName('Tariffs / USMCA', '2026-11-20', 'xlsx')).toBe('Tariffs - USMCA 2026-11-20.xlsx');
  });
});
