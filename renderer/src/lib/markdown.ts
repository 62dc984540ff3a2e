// Notes are Markdown written by analysts or imported: parsed by marked, then sanitised by DOMPurify.
import DOMPurify from 'dompurify';
import { marked } from 'marked';

/** The only way Markdown becomes HTML in the UI: never render marked's output unsanitised. */
export function markdownToSafeHtml(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: [
      'p',
      'br',
      'strong',
      'em',
      'del',
      'code',
      'pre',
      'blockquote',
      'ul',
      'ol',
      'li',
      'a',
      'h3',
      'h4',
    ],
    ALLOWED_ATTR: ['href', 'title'],
    ALLOWED_URI_REGEXP: /^https?:/i,
  });
}
