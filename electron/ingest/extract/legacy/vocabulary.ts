// What the app already knows, as the extractor matches it: parties with their aliases, topics with keywords.

export interface KnownParty {
  name: string;
  /** Names that also mean this party ("Washington", "Estados Unidos"); a person's party is who they act for. */
  aliases: string[];
  actsFor: string | null;
}

export interface KnownTopic {
  /** "security › fentanyl". */
  path: string;
  keywords: string[];
}

export interface Vocabulary {
  parties: KnownParty[];
  topics: KnownTopic[];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A whole-word, case-insensitive matcher that also works for words with accents. */
export function wordPattern(words: string[]): RegExp | null {
  const usable = words.map((word) => word.trim()).filter((word) => word.length > 1);
  if (usable.length === 0) return null;
  const alternatives = usable
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'iu');
}

export function partiesIn(sentence: string, vocabulary: Vocabulary): string[] {
  const found = new Set<string>();
  for (const party of vocabulary.parties) {
    const pattern = wordPattern([party.name, ...party.aliases]);
    if (pattern?.test(sentence)) found.add(party.actsFor ?? party.name);
  }
  return [...found];
}

export function topicsIn(sentence: string, vocabulary: Vocabulary): string[] {
  return vocabulary.topics
    .filter((topic) => wordPattern([topic.path.split(' › ').at(-1)!, ...topic.keywords])?.test(sentence))
    .map((topic) => topic.path);
}

// Capitalised runs that are not at the start of the sentence: names the app does not know yet.
const stopNames = new Set([
  'The',
  'A',
  'An',
  'In',
  'On',
  'But',
  'And',
  'El',
  'La',
  'Los',
  'Las',
  'En',
  'Pero',
  'Y',
]);

export function newNamesIn(sentence: string, vocabulary: Vocabulary): string[] {
  const known = wordPattern(vocabulary.parties.flatMap((party) => [party.name, ...party.aliases]));
  const names = new Set<string>();
  for (const match of sentence.matchAll(
    /(?<=\s)(\p{Lu}[\p{L}'’-]+(?:\s+(?:de la |de |del )?\p{Lu}[\p{L}'’-]+)+)/gu,
  )) {
    const name = match[1]!;
    if (stopNames.has(name.split(/\s/)[0]!) || known?.test(name)) continue;
    names.add(name);
  }
  return [...names];
}
