// The states and organisations the extractor knows without a database: every country's names in English
// and Spanish from i18n-iso-countries, plus our own table (organisations, abbreviations, seats of
// government, demonyms), merged with the parties and aliases the database knows. Names match
// case-sensitively, by whole words, ignoring the dots and spaces inside abbreviations ("EE. UU.").
// The package's Node entry requires all 78 languages by computed paths, which a bundle cannot follow;
// its plain entry with the two languages registered here is all the extractor needs.
import countries from 'i18n-iso-countries/index.js';
import englishNames from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import spanishNames from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import { demonyms, organisations, preferredNames, stateNames } from './gazetteer-table.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface ActorMention {
  /** The party's name as reported: the database's name when it knows the party. */
  party: string;
  start: number;
  end: number;
  /** A demonym ("Canadian") names a state only beside a word of office ("Canadian government"). */
  demonym: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  party?: string;
  demonym?: boolean;
  /** Lowercase-only aliases from the database match regardless of case. */
  anyCase?: boolean;
}

const wordPattern = /[\p{L}\p{N}]+/gu;

function words(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(wordPattern)].map((match) => ({
    word: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

export class Gazetteer {
  private root: TrieNode = { next: new Map() };
  private lowerRoot: TrieNode = { next: new Map() };
  /** Every name a party answers to, for resolving a name back to its party. */
  private byName = new Map<string, string>();
  /** What each shipped party is, by the name reported. */
  readonly kinds = new Map<string, 'state' | 'organisation'>();

  add(name: string, party: string, demonym = false): void {
    const parts = words(name).map((part) => part.word);
    if (parts.length === 0 || name.trim().length < 2) return;
    const anyCase = name === name.toLowerCase() && !demonym;
    let node = anyCase ? this.lowerRoot : this.root;
    for (const part of parts) {
      let child = node.next.get(part);
      if (!child) {
        child = { next: new Map() };
        node.next.set(part, child);
      }
      node = child;
    }
    // The first table to name a surface wins: the database over the shipped lists.
    if (node.party === undefined) {
      node.party = party;
      node.demonym = demonym;
    }
    if (!demonym && !this.byName.has(name.toLowerCase())) this.byName.set(name.toLowerCase(), party);
  }

  /** The party a name stands for, case-insensitively ("ivory coast" → "Ivory Coast"). */
  resolve(name: string): string | null {
    return this.byName.get(name.trim().toLowerCase()) ?? null;
  }

  /** Every mention in the text, longest first at each word, left to right. */
  find(text: string): ActorMention[] {
    const tokens = words(text);
    const found: ActorMention[] = [];
    for (let i = 0; i < tokens.length; i += 1) {
      const match =
        this.longest(tokens, i, this.root, false) ?? this.longest(tokens, i, this.lowerRoot, true);
      if (!match) continue;
      found.push({
        party: match.party,
        start: tokens[i]!.start,
        end: tokens[match.last]!.end,
        demonym: match.demonym,
      });
      i = match.last;
    }
    return found;
  }

  private longest(
    tokens: { word: string }[],
    from: number,
    root: TrieNode,
    lower: boolean,
  ): { party: string; last: number; demonym: boolean } | null {
    let node: TrieNode | undefined = root;
    let best: { party: string; last: number; demonym: boolean } | null = null;
    for (let j = from; j < tokens.length && node; j += 1) {
      const word = tokens[j]!.word;
      node = node.next.get(lower ? word.toLowerCase() : word);
      if (node?.party !== undefined) best = { party: node.party, last: j, demonym: node.demonym ?? false };
    }
    return best;
  }
}

countries.registerLocale(englishNames);
countries.registerLocale(spanishNames);

function canonicalName(code: string): string {
  const names = countries.getName(code, 'en', { select: 'all' }) as string[];
  return preferredNames[code] ?? names.find((name) => !name.includes(',')) ?? names[0] ?? code;
}

function shipped(): { key: string; name: string; names: string[]; demonyms: string[] }[] {
  const english = countries.getNames('en', { select: 'all' }) as Record<string, string[]>;
  const spanish = countries.getNames('es', { select: 'all' }) as Record<string, string[]>;
  const states = Object.keys(english).map((code) => ({
    key: code,
    name: canonicalName(code),
    names: [...(english[code] ?? []), ...(spanish[code] ?? []), ...(stateNames[code] ?? [])].filter(
      // "Korea, Republic of" is a catalogue's order, never a sentence's.
      (name) => !name.includes(','),
    ),
    demonyms: demonyms[code] ?? [],
  }));
  return [...states, ...organisations.map((entry) => ({ ...entry, demonyms: [] }))];
}

const shippedEntries = shipped();

/** The gazetteer for one extraction: the database's parties first, then every shipped name. */
export function buildGazetteer(vocabulary: Vocabulary): Gazetteer {
  const gazetteer = new Gazetteer();
  // A database party that is a shipped state or organisation keeps the database's name.
  const renamed = new Map<string, string>();
  const probe = new Gazetteer();
  for (const entry of shippedEntries) for (const name of entry.names) probe.add(name, entry.key);
  for (const party of vocabulary.parties) {
    const reported = party.actsFor ?? party.name;
    for (const name of [party.name, ...party.aliases]) {
      gazetteer.add(name, reported);
      const key = probe.resolve(name);
      if (key && !party.actsFor && !renamed.has(key)) renamed.set(key, party.name);
    }
  }
  for (const entry of shippedEntries) {
    const reported = renamed.get(entry.key) ?? entry.name;
    gazetteer.kinds.set(reported, /^[A-Z]{2}$/.test(entry.key) ? 'state' : 'organisation');
    for (const name of entry.names) gazetteer.add(name, reported);
    for (const name of entry.demonyms) {
      gazetteer.add(name, reported, true);
      // "la Agencia Española de Cooperación", "el Instituto Antártico Chileno"
      if (/^\p{Ll}/u.test(name)) gazetteer.add(name[0]!.toUpperCase() + name.slice(1), reported, true);
    }
  }
  return gazetteer;
}
