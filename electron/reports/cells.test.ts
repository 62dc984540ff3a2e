// Neutralising formula-like text: inert in a spreadsheet, and restored exactly on import.
import { describe, expect, it } from 'vitest';
import { neutralise, restoreNeutralised } from './cells.ts';

describe('neutralising formula-like cells', () => {
  it('puts an apostrophe before text a spreadsheet would run', () => {
    expect(neutralise('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(neutralise('+1')).toBe("'+1");
    expect(neutralise('-2')).toBe("'-2");
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralise('\t=1')).toBe("'\t=1");
    expect(neutralise('\r=1')).toBe("'\r=1");
  });

  it('leaves ordinary text alone', () => {
    for (const text of ['Review the USMCA', '90-day reprieve', "'quoted", '', 'a=b']) {
      expect(neutralise(text)).toBe(text);
    }
  });

  it('is undone by restoreNeutralised, whatever the text', () => {
    for (const text of ['=1', "'=1", "''+x", "'plain", 'plain', '-', "'", '@', '\tx']) {
      expect(restoreNeutralised(neutralise(text))).toBe(text);
    }
  });
});
