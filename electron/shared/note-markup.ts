// What a note's Markdown may become: one allow-list for the app (DOMPurify in the renderer) and the reports
// (sanitize-html in Node), so a note reads the same everywhere and nothing else ever gets through.

/** How marked reads a note: GitHub's flavour, a single line break kept as a break. */
export const noteMarkdownOptions = { async: false, gfm: true, breaks: true } as const;

export const noteTags: readonly string[] = [
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
];

/** Links only: where they go and their title. */
export const noteAttributes: readonly string[] = ['href', 'title'];

/** A link goes to the web or nowhere. */
export const noteUrlSchemes: readonly string[] = ['http', 'https'];
