// Reads the citation files Zotero exports (CSL JSON, RIS, BibTeX) into CSL items, each with the line
// its entry starts on and the attachments it names. Any entry that cannot be read fails the whole file
// with a message naming the file, the entry and the line: an import is all or nothing.
import { parseTree, printParseErrorCode, getNodeValue, type ParseError } from 'jsonc-parser';
import { parse as parseName } from '@citation-js/name';
import { z } from 'zod';
import type { CslItem, CslName } from '../domain/model.ts';
import { citationLibrary } from './library.ts';

export const citationFileTypes = ['.json', '.ris', '.bib'] as const;

export interface CitationEntry {
  item: CslItem;
  /** From 1: where the entry starts in the file (0 for an item read from a running Zotero). */
  line: number;
  /** The attachments' paths as the file gives them (relative to the file, or absolute). */
  attachments: string[];
}

export class CitationFileError extends Error {}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1))
    starts.push(index + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line += 1;
  return line + 1;
}

const name = z.looseObject({
  family: z.string().optional(),
  given: z.string().optional(),
  literal: z.string().optional(),
});

/** What an item needs to become a source and be cited: a type and a title; names and dates well formed. */
const itemSchema = z.looseObject({
  type: z.string('needs a "type" (report, webpage, article-newspaper …)').trim().min(1, 'needs a "type"'),
  title: z.string('has no title').trim().min(1, 'has no title'),
  author: z.array(name, '"author" must be a list of names').optional(),
  editor: z.array(name, '"editor" must be a list of names').optional(),
  issued: z
    .looseObject(
      {
        'date-parts': z.array(z.array(z.union([z.number(), z.string()]))).optional(),
      },
      '"issued" must be a date object',
    )
    .optional(),
});

/**
 * The entry as a CSL item a source can be made of, or a message naming the file, the entry and where
 * it is (`at line 8`; for an item read from Zotero, its key).
 */
export function checkedItem(file: string, index: number, where: string, value: unknown): CslItem {
  const parsed = itemSchema.safeParse(value);
  if (parsed.success) return parsed.data as CslItem;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length > 0 && issue.code !== 'invalid_type' ? ` (${issue.path.join('.')})` : '';
  const label = entryLabel(value);
  throw new CitationFileError(`${file}: entry ${index + 1}${label} ${where} ${issue.message}${field}.`);
}

function entryLabel(value: unknown): string {
  const item = value as Record<string, unknown> | null;
  // Zotero's ids are addresses (http://zotero.org/users/…/items/…): a BibTeX key or a title says more.
  const key = item?.['citation-key'] ?? item?.id;
  if (typeof key === 'string' && key.length <= 80 && !key.includes('/') && !key.startsWith('temp_id_'))
    return ` "${key}"`;
  const title = item?.title;
  return typeof title === 'string' && title.trim() ? ` "${title.trim().slice(0, 60)}"` : '';
}

/** Zotero's CSL JSON: a list of items (one item alone is taken as a list of one). */
function readCslJson(file: string, text: string): CitationEntry[] {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const starts = lineStarts(text);
  const first = errors[0];
  if (first || !tree) {
    const line = first ? lineAt(starts, first.offset) : 1;
    const what = first ? printParseErrorCode(first.error) : 'EmptyFile';
    throw new CitationFileError(`${file}: line ${line}: this is not valid JSON (${what}).`);
  }
  const nodes = tree.type === 'array' ? (tree.children ?? []) : [tree];
  if (tree.type !== 'array' && tree.type !== 'object') {
    throw new CitationFileError(`${file}: line 1: CSL JSON is a list of items, as Zotero exports it.`);
  }
  return nodes.map((node, index) => {
    const line = lineAt(starts, node.offset);
    return { item: checkedItem(file, index, `at line ${line}`, getNodeValue(node)), line, attachments: [] };
  });
}

interface RisRecord {
  line: number;
  lines: string[];
}

const risTag = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/;

/** RIS records, each from its TY line to its ER line; a line outside a record is an error. */
function risRecords(file: string, text: string): RisRecord[] {
  const records: RisRecord[] = [];
  let current: RisRecord | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = index === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    const tag = risTag.exec(content.trimEnd());
    if (current === null) {
      if (content.trim() === '') return;
      if (tag?.[1] !== 'TY') {
        throw new CitationFileError(
          `${file}: line ${line}: expected "TY  - " starting entry ${records.length + 1}, found "${content.trim().slice(0, 40)}".`,
        );
      }
      current = { line, lines: [content] };
      return;
    }
    if (tag?.[1] === 'TY') {
      throw new CitationFileError(
        `${file}: entry ${records.length + 1} at line ${current.line} has no "ER  - " line ending it before the next entry at line ${line}.`,
      );
    }
    current.lines.push(content);
    if (tag?.[1] === 'ER') {
      records.push(current);
      current = null;
    }
  });
  if (current !== null) {
    const open: RisRecord = current;
    throw new CitationFileError(
      `${file}: entry ${records.length + 1} at line ${open.line} has no "ER  - " line ending it.`,
    );
  }
  return records;
}

function risValues(record: RisRecord, wanted: string): string[] {
  return record.lines.flatMap((line) => {
    const tag = risTag.exec(line.trimEnd());
    return tag?.[1] === wanted && tag[2] ? [tag[2].trim()] : [];
  });
}

/**
 * What citation-js reads from RIS as the RIS specification has it, made into what Zotero meant: a
 * newspaper's AU lines are its authors (the specification calls them reporters, as plain text); a web
 * page's T2 is its website; DA holds the full day where PY has only the year.
 */
function asZoteroMeant(item: CslItem, record: RisRecord): CslItem {
  const meant: CslItem = { ...item };
  if (!meant.author && Array.isArray(meant.reporter)) {
    meant.author = (meant.reporter as unknown[]).map((name) =>
      typeof name !== 'string' ? (name as CslName) : name.includes(',') ? parseName(name) : { literal: name },
    );
    delete meant.reporter;
  }
  if (
    meant.type === 'webpage' &&
    !meant['container-title'] &&
    typeof meant['collection-title'] === 'string'
  ) {
    meant['container-title'] = meant['collection-title'];
    delete meant['collection-title'];
  }
  const day = /^(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(risValues(record, 'DA')[0] ?? '');
  if (day) meant.issued = { 'date-parts': [[Number(day[1]), Number(day[2]), Number(day[3])]] };
  return meant;
}

function readRis(file: string, text: string): CitationEntry[] {
  const Cite = citationLibrary();
  return risRecords(file, text).map((record, index) => {
    const [item] = new Cite(record.lines.join('\n'), { forceType: '@ris/file' }).data as CslItem[];
    const meant = item ? asZoteroMeant(item, record) : {};
    return {
      item: checkedItem(file, index, `at line ${record.line}`, meant),
      line: record.line,
      attachments: risValues(record, 'L1'),
    };
  });
}

interface BibtexEntry {
  key: string;
  line: number;
  text: string;
}

/** Where each entry starts (@comment, @string and @preamble are not entries). */
function bibtexEntries(text: string): BibtexEntry[] {
  const starts = lineStarts(text);
  const found = [...text.matchAll(/^[ \t]*@([A-Za-z]+)[ \t]*[{(][ \t]*([^,\s]*)/gm)].filter(
    (match) => !['comment', 'string', 'preamble'].includes(match[1]!.toLowerCase()),
  );
  return found.map((match, index) => ({
    key: match[2]!,
    line: lineAt(starts, match.index),
    text: text.slice(match.index, found[index + 1]?.index ?? text.length),
  }));
}

/** Zotero's file field: "files/12/report.pdf", or "Title:files/12/report.pdf:application/pdf", by ";". */
function bibtexAttachments(entry: string): string[] {
  const field = /\bfile\s*=\s*[{"]([^}"]*)[}"]/i.exec(entry)?.[1];
  if (!field) return [];
  return field
    .split(';')
    .map((part) => {
      const pieces = part.split(':');
      // A Windows path ("C\:\\…") keeps its escaped colon.
      return (pieces.length >= 3 ? pieces.slice(1, -1).join(':') : part).replace(/\\(.)/g, '$1').trim();
    })
    .filter(Boolean);
}

/** A BibTeX name in double braces ({Secretaría de Relaciones Exteriores}) is an organisation, as Zotero writes one. */
function organisationsAsLiterals(item: CslItem): CslItem {
  const names = (list: unknown) =>
    Array.isArray(list)
      ? (list as CslName[]).map((name) =>
          name.family && !name.given && Object.keys(name).length === 1 ? { literal: name.family } : name,
        )
      : list;
  return {
    ...item,
    ...(item.author ? { author: names(item.author) as CslName[] } : {}),
    ...(item.editor ? { editor: names(item.editor) } : {}),
  };
}

function readBibtex(file: string, text: string): CitationEntry[] {
  const Cite = citationLibrary();
  const entries = bibtexEntries(text);
  let items: CslItem[];
  try {
    items = new Cite(text, { forceType: '@biblatex/text' }).data as CslItem[];
  } catch (error) {
    const line = Number(/at line (\d+)/.exec((error as Error).message)?.[1] ?? 0);
    const after = entries.filter((entry) => entry.line <= line);
    // An error where an entry starts is the one before it left open (a brace not closed).
    const broken = after.length > 1 && after.at(-1)!.line === line ? after.at(-2)! : after.at(-1);
    const index = broken ? entries.indexOf(broken) + 1 : 1;
    const where = broken ? `entry ${index} "${broken.key}" at line ${broken.line}` : 'the file';
    throw new CitationFileError(
      `${file}: line ${line || 1}: ${where} cannot be read as BibTeX (an unclosed brace or a missing comma?).`,
    );
  }
  return items.map((read, index) => {
    const item = organisationsAsLiterals(read);
    const key = String(item['citation-key'] ?? item.id ?? '');
    const entry = entries.find((candidate) => candidate.key === key) ?? entries[index];
    const line = entry?.line ?? 1;
    return {
      item: checkedItem(file, index, `at line ${line}`, item),
      line,
      attachments: entry ? bibtexAttachments(entry.text) : [],
    };
  });
}

/** The entries of a citation file, by its extension: .json (CSL JSON), .ris or .bib. */
export function readCitationFile(file: string, text: string): CitationEntry[] {
  const extension = /\.[^.]+$/.exec(file)?.[0]?.toLowerCase();
  const entries =
    extension === '.json'
      ? readCslJson(file, text)
      : extension === '.ris'
        ? readRis(file, text)
        : extension === '.bib'
          ? readBibtex(file, text)
          : null;
  if (entries === null) {
    throw new CitationFileError(`${file}: a citation file is .json (CSL JSON), .ris or .bib.`);
  }
  if (entries.length === 0) throw new CitationFileError(`${file}: holds no entries.`);
  return entries;
}
