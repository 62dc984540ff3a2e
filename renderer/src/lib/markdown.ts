// Notes are Markdown written by analysts or imported: parsed by marked, then sanitised by DOMPurify with the
// allow-list the reports use too (electron/shared/note-markup.ts).
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import {
  noteAttributes,
  noteMarkdownOptions,
  noteTags,
  noteUrlSchemes,
} from '../../../electron/shared/note-markup.ts';

const allowedUrl = new RegExp(`^(${noteUrlSchemes.join('|')}):`, 'i');

/** The only way Markdown becomes HTML in the UI: never render marked's output unsanitised. */
export function markdownToSafeHtml(markdown: string): string {
  const html = marked.parse(markdown, noteMarkdownOptions);
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: [...noteTags],
    ALLOWED_ATTR: [...noteAttributes],
    ALLOWED_URI_REGEXP: allowedUrl,
  });
}
