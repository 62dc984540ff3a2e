import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from './extract.ts';
import { extractOffThread, onWorkerThread } from './extract-thread.ts';

describe('extraction off the thread that serves the window', () => {
  it('runs on a worker thread and gives what extraction on this thread gives', async () => {
    const text = readFileSync(join(import.meta.dirname, 'fixtures', 'border-talks-en.txt'), 'utf8');
    const options = { vocabulary: { parties: [], topics: [] }, given: '2026-03-14' };
    const [first, second] = await Promise.all([
      extractOffThread(text, options),
      extractOffThread(text, options),
    ]);
    expect(onWorkerThread()).toBe(true);
    expect(first).toEqual(extract(text, options));
    expect(second).toEqual(first);
    expect(first.candidates.length).toBeGreaterThan(0);
  });
});
