// Notes are Markdown written by analysts or imported: parsed by marked, then sanitised, before any
// report shows them as HTML, with the app's allow-list (electron/shared/note-markup.ts).
// sanitize-html rather than DOMPurify: it needs no DOM (DOMPurify in Node needs jsdom, a large
// browser emulation, for every export), and it parses with htmlparser2, built for hostile markup.
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { noteAttributes, noteMarkdownOptions, noteTags, noteUrlSchemes } from '../shared/note-markup.ts';

const policy: sanitizeHtml.IOptions = {
  allowedTags: [...noteTags],
  allowedAttributes: { a: [...noteAttributes] },
  allowedSchemes: [...noteUrlSchemes],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Whatever is refused goes with its content for scripts and styles, and leaves its text otherwise.
  disallowedTagsMode: 'discard',
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
  ],
};

/** The only way a note becomes HTML in a report: never use marked's output unsanitised. */
export function noteToSafeHtml(markdown: string): string {
  const html = marked.parse(markdown, noteMarkdownOptions);
  return sanitizeHtml(html, policy);
}
