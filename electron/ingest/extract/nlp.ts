// Part-of-speech tags, lemmas and tense for one sentence: wink-nlp with its English lite model, and
// es-compromise for Spanish (future, conditional, preterite, infinitive). Both ship their models in
// their npm packages; nothing is downloaded.
import es from 'es-compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Language } from './language.ts';

export type Tense = 'future' | 'conditional' | 'past' | 'present' | 'infinitive' | 'gerund' | null;

export interface Token {
  text: string;
  /** Offsets into the sentence. */
  start: number;
  end: number;
  /** Universal POS tags (VERB, AUX, NOUN, PROPN, PRON, ADP, DET, …). */
  pos: string;
  lemma: string;
  tense: Tense;
  /** "acordamos", "nos comprometemos": the first person plural of a Spanish verb. */
  firstPlural: boolean;
}

let wink: ReturnType<typeof winkNLP> | null = null;

function english(sentence: string): Token[] {
  wink ??= winkNLP(model);
  const its = wink.its;
  const doc = wink.readDoc(sentence);
  const texts = doc.tokens().out() as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  // its.lemma needs the model's addons, which the types do not thread through `out`.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const tokens: Token[] = [];
  let cursor = 0;
  texts.forEach((text, i) => {
    const at = sentence.indexOf(text, cursor);
    const start = at >= 0 ? at : cursor;
    cursor = start + text.length;
    const pos = tags[i] ?? 'X';
    const lemma = (lemmas[i] ?? text).toLowerCase();
    const lower = text.toLowerCase();
    let tense: Tense = null;
    if (pos === 'VERB' || pos === 'AUX') {
      if (/ing$/.test(lower)) tense = 'gerund';
      else if (lower !== lemma && !/s$/.test(lower)) tense = 'past';
      else tense = 'present';
    }
    tokens.push({ text, start, end: start + text.length, pos, lemma, tense, firstPlural: false });
  });
  // "will share", "would impose", "is to meet": the verb after a modal carries its tense.
  for (let i = 0; i < tokens.length; i += 1) {
    const word = tokens[i]!.text.toLowerCase();
    const modal = /^(will|shall|'ll|wo)$/.test(word) ? 'future' : /^would$/.test(word) ? 'conditional' : null;
    if (!modal) continue;
    // The word after the modal is its verb whatever the tagger thought ("will present", "will complete").
    for (let j = i + 1; j < Math.min(tokens.length, i + 5); j += 1) {
      const next = tokens[j]!;
      if (next.pos === 'ADV' || next.pos === 'PUNCT' || next.text.toLowerCase() === 'not') continue;
      if (/^(?:be|have)$/.test(next.lemma)) {
        next.tense = modal;
        continue;
      }
      if (/^[\p{L}]/u.test(next.text) && !/^(?:DET|PRON|NUM|ADP)$/.test(next.pos)) {
        next.pos = 'VERB';
        next.tense = modal;
      }
      break;
    }
  }
  return tokens;
}

const futureEnding = /(?:ar|er|ir)(?:á|án|é|emos|éis|ás)$/u;
const conditionalEnding = /(?:ar|er|ir)(?:ía|ían|íamos|ías)$/u;

function spanishPos(tags: string[]): string {
  if (tags.includes('Verb')) return tags.includes('Auxiliary') ? 'AUX' : 'VERB';
  if (tags.includes('ProperNoun')) return 'PROPN';
  if (tags.includes('Pronoun')) return 'PRON';
  if (tags.includes('Noun')) return 'NOUN';
  if (tags.includes('Adjective')) return 'ADJ';
  if (tags.includes('Preposition')) return 'ADP';
  if (tags.includes('Determiner')) return 'DET';
  if (tags.includes('Conjunction')) return 'CCONJ';
  if (tags.includes('Value')) return 'NUM';
  return 'X';
}

interface CompromiseTerm {
  text: string;
  tags: string[];
  root?: string;
  normal: string;
  post?: string;
  offset: { start: number; length: number };
}

function spanish(sentence: string): Token[] {
  const doc = es(sentence);
  doc.compute('root');
  const sentences = doc.json({ offset: true }) as { terms: CompromiseTerm[] }[];
  return sentences.flatMap(({ terms }) =>
    terms.flatMap((term, index) => {
      // "del" is "de" and an "el" with no text of its own: that one is left out.
      if (!term.text) return [];
      const lower = term.normal || term.text.toLowerCase();
      let pos = spanishPos(term.tags);
      let tense: Tense = null;
      // "las cancillerías", "las secretarías": es-compromise reads -ías as a conditional in the second
      // person, which diplomatic prose never uses; they are nouns.
      const noun = term.tags.includes('Conditional') && term.tags.includes('SecondPerson');
      if (noun) {
        return [
          {
            text: term.text,
            start: term.offset.start,
            end: term.offset.start + term.offset.length,
            pos: 'NOUN',
            lemma: lower,
            tense: null,
            firstPlural: false,
          },
        ];
      }
      // es-compromise misses some forms; the endings of the future and conditional are regular.
      if (futureEnding.test(lower) && !/^(?:está|estás)$/.test(lower)) tense = 'future';
      else if (conditionalEnding.test(lower)) tense = 'conditional';
      else if (term.tags.includes('FutureTense')) tense = 'future';
      else if (term.tags.includes('Conditional')) tense = 'conditional';
      else if (/^\p{L}{3,}(?:ar|er|ir)(?:lo|la|los|las|se|le|les)$/u.test(lower)) {
        tense = 'infinitive';
        pos = 'VERB';
      } else if (term.tags.includes('Infinitive')) tense = 'infinitive';
      else if (term.tags.includes('Gerund')) tense = 'gerund';
      else if (term.tags.includes('PastTense')) tense = 'past';
      else if (pos === 'VERB') tense = 'present';
      if (tense && tense !== 'present' && pos !== 'VERB' && pos !== 'PROPN' && tense !== 'infinitive')
        pos = 'VERB';
      // "del acuerdo", "un paso": after an article a word es-compromise calls a verb is a noun.
      const previousArticle =
        /^(?:el|la|los|las|un|una|unos|unas|del|al|su|sus|este|esta|ese|esa|nuestro|nuestra)$/iu.test(
          terms.slice(0, index).findLast((previous) => previous.text)?.text ?? '',
        );
      if (pos === 'VERB' && (tense === 'present' || tense === 'past') && previousArticle) {
        pos = 'NOUN';
        tense = null;
      }
      const token: Token = {
        text: term.text,
        start: term.offset.start,
        end: term.offset.start + term.offset.length,
        pos,
        lemma: (term.root || lower).toLowerCase(),
        tense,
        firstPlural: term.tags.includes('FirstPersonPlural') || /(?:amos|emos|imos)$/.test(lower),
      };
      // es-compromise keeps punctuation beside the word; clauses need the commas as tokens.
      const mark = /[,;:]/.exec(term.post ?? '');
      if (!mark) return [token];
      const at = token.end;
      return [
        token,
        {
          text: mark[0],
          start: at,
          end: at + 1,
          pos: 'PUNCT',
          lemma: mark[0],
          tense: null,
          firstPlural: false,
        },
      ];
    }),
  );
}

export function analyse(sentence: string, language: Language): Token[] {
  return language === 'es' ? spanish(sentence) : english(sentence);
}
