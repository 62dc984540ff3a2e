// Building the Markdown report as a syntax tree (mdast): the serialiser escapes every text, so a
// title with | or * or a note with raw HTML cannot change the document's structure.
import type {
  Blockquote,
  Heading,
  Nodes,
  Paragraph,
  PhrasingContent,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Evidence } from '../domain/model.ts';
import type { CitationRun } from '../citations/references.ts';
import type { SourceCite } from './sections.ts';
import { attribution, excerptWords } from './wording.ts';

export type Inline = PhrasingContent | string;

function inline(parts: Inline[]): PhrasingContent[] {
  return parts.map((part) => (typeof part === 'string' ? { type: 'text', value: part } : part));
}

export const text = (value: string): PhrasingContent => ({ type: 'text', value });
export const strong = (...parts: Inline[]): PhrasingContent => ({ type: 'strong', children: inline(parts) });
export const emphasis = (...parts: Inline[]): PhrasingContent => ({
  type: 'emphasis',
  children: inline(parts),
});

export function heading(depth: Heading['depth'], ...parts: Inline[]): Heading {
  return { type: 'heading', depth, children: inline(parts) };
}

export function paragraph(...parts: Inline[]): Paragraph {
  return { type: 'paragraph', children: inline(parts) };
}

/** A reference formatted in the report's style: its italics as emphasis, its bold as strong. */
export function referenceInlines(runs: CitationRun[]): Inline[] {
  return runs.map((run) => {
    const plainRun: Inline = run.bold ? strong(run.text) : run.text;
    return run.italic ? emphasis(plainRun) : plainRun;
  });
}

export function bulletList(items: Inline[][]): RootContent {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((parts) => ({ type: 'listItem', spread: false, children: [paragraph(...parts)] })),
  };
}

/** Facts as a list of "**Label:** value" items: the facts under a report's title. */
export function factsBullets(facts: [label: string, value: string][]): RootContent {
  return bulletList(facts.map(([label, value]) => [strong(`${label}:`), ` ${value}`]));
}

/** A GitHub table; line breaks inside a cell would end the row, so they become spaces. */
export function table(header: string[], rows: Inline[][]): Table {
  const cell = (parts: Inline[]): TableCell => ({
    type: 'tableCell',
    children: inline(parts.map((part) => (typeof part === 'string' ? part.replace(/\s*\n\s*/g, ' ') : part))),
  });
  const row = (cells: Inline[][]): TableRow => ({ type: 'tableRow', children: cells.map(cell) });
  return {
    type: 'table',
    align: header.map(() => null),
    children: [row(header.map((name) => [name])), ...rows.map((cells) => row(cells.map((c) => [c])))],
  };
}

/** A quote as a blockquote, its source on the last line: "— who, where (when), S2" (S2: the annex). */
export function quote(evidence: Evidence, cite: SourceCite | string | undefined): Blockquote {
  const { label, inText } = typeof cite === 'string' ? { label: cite, inText: null } : (cite ?? {});
  return {
    type: 'blockquote',
    children: [
      paragraph(excerptWords(evidence)),
      paragraph(`— ${attribution(evidence, inText)}${label ? `, ${label}` : ''}`),
    ],
  };
}

/** Containers whose children are blocks: raw HTML there becomes a paragraph of text. */
const blockParents = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

function tame(parent: string, node: Nodes): Nodes {
  if (node.type === 'html') return blockParents.has(parent) ? paragraph(node.value) : text(node.value);
  if (node.type === 'heading') {
    return paragraph(strong(...(node.children.map((child) => tame('heading', child)) as PhrasingContent[])));
  }
  if ('children' in node) {
    return { ...node, children: node.children.map((child) => tame(node.type, child)) } as Nodes;
  }
  return node;
}

/**
 * An analyst's note, kept as Markdown: parsed, so that it cannot break the document around it (an
 * unclosed code fence, a heading); its headings become bold lines and its raw HTML plain text.
 */
export function note(markdown: string): RootContent[] {
  if (markdown.trim() === '') return [];
  return fromMarkdown(markdown).children.map((child) => tame('root', child) as RootContent);
}
