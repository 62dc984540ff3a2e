// Turns a file's bytes into a source draft: plain text, Markdown, HTML (to text) or PDF (its text layer).
// Pure: no Node APIs, so the renderer reads dropped files with the same code as the command line.
import { convert } from 'html-to-text';
import { extractText, getDocumentProxy } from 'unpdf';
import { detectLanguage, type Language } from './extract/language.ts';
import { sourceFileTypes } from './source-file-types.ts';

import type { SourceDraft } from '../domain/model.ts';

export type { SourceDraft };
export { sourceFileTypes };

/** A file read as a source, before it is stored: its language is one the app detects. */
export type DraftedSource = Omit<SourceDraft, 'language' | 'csl'> & { language: Language };

export class SourceFileError extends Error {
  override name = 'SourceFileError';
}

function meta(html: string, name: string): string | null {
  const pattern = new RegExp(
    `<meta[^>]+(?:property|name)=["']${name}["'][^>]*content=["']([^"']+)["']|<meta[^>]+content=["']([^"']+)["'][^>]*(?:property|name)=["']${name}["']`,
    'i',
  );
  const match = pattern.exec(html);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** HTML as plain text with its paragraphs, no links' addresses, images, navigation or scripts. */
export function textOfHtml(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'nav', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
    ],
  }).trim();
}

function fromHtml(html: string, fallbackTitle: string): DraftedSource {
  const title =
    meta(html, 'og:title') ?? /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? fallbackTitle;
  const published = meta(html, 'article:published_time') ?? meta(html, 'date');
  const url = meta(html, 'og:url');
  const fullText = textOfHtml(html);
  return {
    title,
    publisher: meta(html, 'og:site_name') ?? '',
    url: url && /^https?:\/\//.test(url) ? url : null,
    publishedOn: published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : null,
    language: detectLanguage(fullText),
    fullText,
  };
}

function fromText(text: string, fallbackTitle: string): DraftedSource {
  const fullText = text.replace(/\r\n?/g, '\n').trim();
  const firstLine = fullText
    .split('\n', 1)[0]
    ?.replace(/^#+\s*/, '')
    .trim();
  return {
    title: firstLine && firstLine.length <= 200 ? firstLine : fallbackTitle,
    publisher: '',
    url: null,
    publishedOn: null,
    language: detectLanguage(fullText),
    fullText,
  };
}

async function fromPdf(bytes: Uint8Array, fallbackTitle: string): Promise<DraftedSource> {
  const pdf = await getDocumentProxy(bytes);
  const { text } = await extractText(pdf, { mergePages: true });
  if (!text.trim()) throw new SourceFileError('The PDF has no text layer (a scan?): nothing to read.');
  return fromText(text, fallbackTitle);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

export async function draftFromFile(name: string, bytes: Uint8Array): Promise<DraftedSource> {
  const type = extensionOf(name);
  if (!sourceFileTypes.includes(type)) {
    throw new SourceFileError(
      `${name}: Pledgewatch reads ${sourceFileTypes.join(', ')} files, not ${type || 'files without an extension'}.`,
    );
  }
  const fallbackTitle = name.slice(0, name.length - type.length);
  if (type === '.pdf') return fromPdf(bytes, fallbackTitle);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return type === '.html' || type === '.htm' ? fromHtml(text, fallbackTitle) : fromText(text, fallbackTitle);
}
