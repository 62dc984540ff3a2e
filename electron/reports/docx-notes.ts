// An analyst's Markdown note as Word paragraphs: bold, italics, code, links and lists kept; raw HTML
// shown as the text it is. Word has no HTML to inject into, so nothing here needs sanitising.
import { Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  code?: boolean;
}

function runs(nodes: PhrasingContent[], style: RunStyle = {}): ParagraphChild[] {
  return nodes.flatMap((node): ParagraphChild[] => {
    const run = (text: string) =>
      new TextRun({
        text,
        ...(style.bold ? { bold: true } : {}),
        ...(style.italics ? { italics: true } : {}),
        ...(style.code ? { font: 'Consolas' } : {}),
      });
    switch (node.type) {
      case 'text':
      case 'html':
        return [run(node.value)];
      case 'inlineCode':
        return runs([{ type: 'text', value: node.value }], { ...style, code: true });
      case 'strong':
        return runs(node.children, { ...style, bold: true });
      case 'emphasis':
      case 'delete':
        return runs(node.children, { ...style, italics: true });
      case 'link':
        return [...runs(node.children, style), run(` (${node.url})`)];
      case 'break':
        return [new TextRun({ text: '', break: 1 })];
      default:
        return 'children' in node ? runs(node.children as PhrasingContent[], style) : [];
    }
  });
}

function plainText(node: Nodes): string {
  if ('value' in node) return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

function blocks(nodes: RootContent[], indent: number, bullet = ''): Paragraph[] {
  return nodes.flatMap((node, index): Paragraph[] => {
    const lead = index === 0 && bullet ? [new TextRun(bullet)] : [];
    const paragraph = (children: ParagraphChild[]) =>
      new Paragraph({ style: 'Note', indent: { left: indent }, children: [...lead, ...children] });
    switch (node.type) {
      case 'paragraph':
        return [paragraph(runs(node.children))];
      case 'heading':
        return [paragraph(runs(node.children, { bold: true }))];
      case 'list':
        return node.children.flatMap((item, number) =>
          blocks(item.children, indent + 240, node.ordered ? `${(node.start ?? 1) + number}. ` : '• '),
        );
      case 'blockquote':
        return blocks(node.children, indent + 240);
      case 'code':
        return node.value
          .split('\n')
          .map((line) => paragraph([new TextRun({ text: line, font: 'Consolas' })]));
      case 'thematicBreak':
        return [];
      default:
        return [paragraph([new TextRun(plainText(node))])];
    }
  });
}

export function noteParagraphs(markdown: string): Paragraph[] {
  if (markdown.trim() === '') return [];
  return blocks(fromMarkdown(markdown).children, 0);
}
