// The few parts of citation-js (which ships no types) that Pledgewatch uses.
declare module '@citation-js/core' {
  interface Register<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
    list(): string[];
  }
  interface FormatOptions {
    format?: 'text' | 'html';
    template?: string;
    lang?: string;
    entry?: string | string[];
    asEntryArray?: boolean;
    nosort?: boolean;
  }
  /** The parts of citeproc-js's engine that are used. */
  export interface CiteprocEngine {
    updateItems(ids: string[]): string[];
    makeBibliography(): [Record<string, unknown>, string[]];
    makeCitationCluster(items: { id: string }[]): string;
  }
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    data: Record<string, unknown>[];
    format(type: 'bibliography', options: FormatOptions & { asEntryArray: true }): [string, string][];
    format(type: 'bibliography' | 'citation' | 'bibtex' | 'data', options?: FormatOptions): string;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): {
        styles: Register<string>;
        locales: Register<string>;
        /** A citeproc-js engine over these items, in a style, a locale and an output format. */
        engine(data: unknown[], style: string, locale: string, format: 'html' | 'text'): CiteprocEngine;
      };
    };
    input: { list(): string[] };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/name' {
  export function parse(name: string): { family?: string; given?: string; [part: string]: unknown };
}
