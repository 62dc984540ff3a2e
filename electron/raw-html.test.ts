// No raw HTML in the UI that does not come straight from the sanitiser: the lint rule is on, the one
// {@html} is MarkdownNote's over markdownToSafeHtml, and no other way of writing HTML is used.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const renderer = join(root, 'renderer');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(svelte|ts|js|html)$/.test(entry.name) ? [path] : [];
  });
}

const files = sourceFiles(renderer).map((path) => ({
  path: relative(root, path),
  text: readFileSync(path, 'utf8'),
}));

describe('raw HTML in the renderer', () => {
  it('appears once: MarkdownNote renders what markdownToSafeHtml returned, and nothing else', () => {
    const uses = files.flatMap(({ path, text }) =>
      [...text.matchAll(/\{@html\s+([^}]*)\}/g)].map((match) => ({ path, expression: match[1]!.trim() })),
    );
    expect(uses).toEqual([
      { path: join('renderer', 'src', 'components', 'MarkdownNote.svelte'), expression: 'html' },
    ]);
    const note = files.find(({ path }) => path.endsWith('MarkdownNote.svelte'))!.text;
    // `html` is derived from the sanitiser and from nothing else, and is never reassigned.
    expect(note).toMatch(/const html = \$derived\(markdownToSafeHtml\(markdown\)\);/);
    expect(note.match(/\bhtml\s*=/g)).toHaveLength(1);
    expect(note).toMatch(/import \{ markdownToSafeHtml \} from '\.\.\/lib\/markdown\.ts';/);
  });

  it('has no other way in: innerHTML, outerHTML, insertAdjacentHTML, document.write', () => {
    const sinks = files.filter(({ text }) =>
      /innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(text),
    );
    expect(sinks.map(({ path }) => path)).toEqual([]);
  });

  it('shows HTML documents (the report preview) only in iframes sandboxed with no allowance at all', () => {
    const frames = files.flatMap(({ path, text }) =>
      [...text.matchAll(/<iframe\b[^>]*>/g)].map((match) => ({ path, tag: match[0] })),
    );
    for (const { path, tag } of frames) {
      // sandbox="" runs no script and gives the document an opaque origin: it cannot reach the API.
      expect(tag, path).toMatch(/\ssandbox=""/);
    }
    const srcdoc = files.filter(({ text }) => /srcdoc/.test(text)).map(({ path }) => path);
    // srcdoc only ever on those iframes.
    expect(frames.map(({ path }) => path)).toEqual(expect.arrayContaining(srcdoc));
    expect(files.some(({ text }) => /<(object|embed|webview)\b/.test(text))).toBe(false);
  });

  it('turns the lint rule off in one place only, the line above MarkdownNote’s {@html}', () => {
    const disabled = files.filter(({ text }) => /eslint-disable[^\n]*svelte\/no-at-html-tags/.test(text));
    expect(disabled.map(({ path }) => path)).toEqual([
      join('renderer', 'src', 'components', 'MarkdownNote.svelte'),
    ]);
  });

  it('is refused by the project’s lint configuration in any new component', async () => {
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText(
      '<script lang="ts">\n  let { note }: { note: string } = $props();\n</script>\n\n<p>{@html note}</p>\n',
      { filePath: join(renderer, 'src', 'components', 'QuoteOfTheDay.svelte') },
    );
    expect(result!.messages).toContainEqual(
      expect.objectContaining({ ruleId: 'svelte/no-at-html-tags', severity: 2 }),
    );
  }, 30_000);
});
