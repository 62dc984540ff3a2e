// citation-js with its CSL, RIS and BibTeX plugins, and the styles Pledgewatch ships registered with it.
// Loaded on first use: citeproc is large, and only imports, exports and reports need it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite, plugins, type CiteprocEngine } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CitationStyle, CslItem } from '../domain/model.ts';

export { Cite };

/** Styles committed beside this file (CC BY-SA, from the CSL project); APA and Harvard come with plugin-csl. */
const committedStyles: CitationStyle[] = ['chicago-author-date'];

/** Beside this file when run from source; beside main.cjs in the bundle (electron/vite.config.ts puts it there). */
function styleFile(style: string): string {
  const file = join(import.meta.dirname, 'styles', `${style}.csl`);
  if (!existsSync(file)) throw new Error(`The citation style ${style} is missing: there is no ${file}.`);
  return file;
}

let registered = false;

/**
 * A citeproc engine over the items, in the style, writing HTML. One engine formats every reference
 * and in-text citation of a report: asking citation-js for each citation apart makes a new
 * engine each time, which took 30 s for 500 sources.
 */
export function citationEngine(items: CslItem[], style: CitationStyle): CiteprocEngine {
  citationLibrary();
  return plugins.config.get('@csl').engine(items, style, 'en-US', 'html');
}

/** The citation library, with every style Pledgewatch offers registered. */
export function citationLibrary(): typeof Cite {
  if (!registered) {
    const { styles } = plugins.config.get('@csl');
    for (const style of committedStyles) {
      if (!styles.has(style)) styles.add(style, readFileSync(styleFile(style), 'utf8'));
    }
    registered = true;
  }
  return Cite;
}
