// The UI figure, in Chromium through Playwright against browser mode: from a word typed in the list's search
// box to the list showing its answer (the count above the table changed), timed inside the page.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../reports/pdf.ts';
import { percentile, type Figure } from './measure.ts';
import type { RunningServer } from './server-figures.ts';

/** Words of the generated titles, each matching a different share of the list; after each, the box is cleared. */
const words = [
  'firearms',
  'fisheries',
  'vaccine',
  'coal',
  'customs',
  'maritime',
  'cyber',
  'humanitarian',
  'steel',
  'migration',
  'renewable',
  'corridors',
];

export async function uiFigures(server: RunningServer, size: string): Promise<Figure[]> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    console.error(`bench: no Chromium at ${executablePath}; the UI figure is left out.`);
    return [];
  }
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url.origin}/?token=${server.token}#/commitments`);
    await page.locator('.count').filter({ hasText: /\d/ }).waitFor();
    const durations: number[] = [];
    // The first rounds warm the page and the database's cache; they are not counted.
    for (const word of words.slice(0, 4)) {
      await typeAndWait(page, word);
      await typeAndWait(page, '');
    }
    for (let round = 0; round < 2; round += 1) {
      for (const word of words) {
        durations.push(await typeAndWait(page, word));
        durations.push(await typeAndWait(page, ''));
      }
    }
    durations.sort((a, b) => a - b);
    const p95 = percentile(durations, 0.95);
    return [
      {
        figure: 'UI: type in the filter → list updated',
        size,
        p50: percentile(durations, 0.5),
        p95,
        floor: null,
        target: 'p95 ≤ 100 ms',
        met: p95 <= 100,
      },
    ];
  } finally {
    await browser.close();
  }
}

/** Sets the search box as typing does and resolves with the milliseconds until the count shows the answer. */
function typeAndWait(page: import('playwright-core').Page, word: string): Promise<number> {
  return page.evaluate(
    (text) =>
      new Promise<number>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>('#list-search');
        const count = document.querySelector('.count');
        if (!input || !count) return reject(new Error('no search box or count on the page'));
        const before = count.textContent;
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (count.textContent === before) return;
          observer.disconnect();
          // The answer is in the DOM; wait for the frame that paints it.
          requestAnimationFrame(() => resolve(performance.now() - started));
        });
        observer.observe(count, { characterData: true, childList: true, subtree: true });
        setTimeout(() => {
          observer.disconnect();
          reject(new Error(`the list did not change within 10 s after typing "${text}"`));
        }, 10_000);
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    word,
  );
}
