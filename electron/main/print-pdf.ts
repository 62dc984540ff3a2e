// The desktop app prints its PDF briefings with Electron's own Chromium (webContents.printToPDF), so the
// packaged app needs no browser of its own. The page is the same HTML the command line prints.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';
import { electronPrintOptions, usePdfPrinter } from '../reports/pdf.ts';

/** A window that is never shown, runs no script, has no preload and loads nothing but the page itself. */
export const printWindowOptions = {
  show: false,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    javascript: false,
    webSecurity: true,
    // Its own in-memory session: the request filter below touches nothing of the app window's.
    partition: 'pledgewatch-print',
  },
} as const;

export async function printWithElectron(html: string): Promise<Uint8Array> {
  // A file rather than a data: URL, which Chromium caps at 2 MB (a briefing of thousands of commitments is more).
  const folder = mkdtempSync(join(tmpdir(), 'pledgewatch-print-'));
  const page = join(folder, 'briefing.html');
  const window = new BrowserWindow(printWindowOptions);
  try {
    writeFileSync(page, html);
    const pageUrl = pathToFileURL(page).href;
    window.webContents.session.webRequest.onBeforeRequest((details, answer) =>
      answer({ cancel: details.url !== pageUrl }),
    );
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    await window.loadFile(page);
    return new Uint8Array(await window.webContents.printToPDF(electronPrintOptions));
  } finally {
    window.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Called once at start: every PDF the app makes is printed by Electron. */
export function printPdfsWithElectron(): void {
  usePdfPrinter(printWithElectron);
}
