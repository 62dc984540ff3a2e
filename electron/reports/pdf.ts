// The PDF briefing: the HTML briefing printed by Chromium. Its page size, margins, running header and
// "Page N of M" are in the document's own CSS (page-css.ts), so every printer draws them alike: the
// command line and browser mode print through Playwright; the desktop app prints the same HTML with
// Electron's webContents.printToPDF(electronPrintOptions) and hands it to usePdfPrinter, one call.
import { existsSync } from 'node:fs';
import { renderHtml } from './html.ts';
import type { Report } from './model.ts';

/** What Electron's webContents.printToPDF takes for a briefing: the page as the document's CSS sets it. */
export const electronPrintOptions = { preferCSSPageSize: true, printBackground: true } as const;

export type PdfPrinter = (html: string) => Promise<Uint8Array>;

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  return process.env.PLEDGEWATCH_CHROMIUM || '/usr/bin/chromium';
}

/** Prints with a headless Chromium that runs no script and loads nothing from outside the document. */
export async function printWithChromium(html: string): Promise<Uint8Array> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `A PDF needs Chromium, and there is none at ${executablePath}: install it, or set PLEDGEWATCH_CHROMIUM to a Chromium or Chrome binary.`,
    );
  }
  // Loaded only here: the desktop app prints with Electron and never loads Playwright.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ ...electronPrintOptions, displayHeaderFooter: false });
  } finally {
    await browser.close();
  }
}

let printer: PdfPrinter = printWithChromium;

/** The desktop app's main process calls this once with a printer over Electron's printToPDF. */
export function usePdfPrinter(replacement: PdfPrinter): void {
  printer = replacement;
}

export function renderPdf(report: Report): Promise<Uint8Array> {
  return printer(renderHtml(report));
}

/** Prints any of the app's HTML documents (the scorecard) with the printer in use. */
export function printHtml(html: string): Promise<Uint8Array> {
  return printer(html);
}
