// Reads one sentence as a clause: the verb that makes it a commitment (its head), the words before it
// that name who acts (its subject), who that is, and what kind of commitment it is.
import type { CommitmentKind } from '../../domain/model.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { Language } from './language.ts';
import {
  agreeing,
  collectiveSubject,
  commissive,
  conditionWords,
  createVerb,
  enacting,
  firstPerson,
  measureNoun,
  measureVerb,
  officeSubject,
  officeWord,
  reprieveNoun,
  reprieveVerb,
  reviewObject,
  reviewVerb,
  threatWords,
} from './lexicon.ts';
import type { Token } from './nlp.ts';

export type SubjectType = 'named' | 'first' | 'collective' | 'office' | 'thing' | 'none';

export interface Clause {
  head: Token | null;
  /** The head's index among the tokens, or -1. */
  headAt: number;
  /** How the head reads: a modal or future, a commissive or agreeing verb, another verb it recognises. */
  headClass: 'commissive' | 'agreeing' | 'enacting' | 'other' | null;
  future: boolean;
  /** The verb as written, with its modal or clitic ("will share", "se compromete"). */
  verb: string;
  /** The subject's words as written ("The two Governments", "Ambos países"). */
  subject: string;
  subjectType: SubjectType;
  /** Everything before the head, reporting clause included ("The two sides said they"). */
  before: string;
  /** The parties named in the subject, and those joined with "with"/"con" after an agreeing head. */
  named: string[];
  partners: string[];
  /** Lemmas of the head and the verbs it governs ("agree", "review"). */
  chain: string[];
}

const isVerb = (token: Token) => token.pos === 'VERB' || (token.pos === 'AUX' && token.tense !== null);
const finite = (token: Token) =>
  token.tense === 'future' ||
  token.tense === 'conditional' ||
  token.tense === 'past' ||
  token.tense === 'present';
const boundary = /^(?:,|;|:|which|who|que|quien|donde|cuando|while|mientras|whereas|but|pero|said|dijo)$/iu;
const subordinate = /^(?:if|unless|si|when|cuando|once|after|before|después|antes|since|as)$/iu;
const notHead =
  /^(?:be|have|do|is|are|was|were|has|had|ser|estar|haber|ir|will|shall|would|can|could|may|might|must|no)$/iu;
// Saying is not committing: in "I would add that Japan intends to …" the head is "intends".
const speech =
  /^(?:add|say|tell|note|stress|emphasi[sz]e|explain|insist|añadir|agregar|decir|señalar|subrayar|destacar|explicar|insistir)$/iu;
// States and happenings, not acts: "Kenya will need more investment", "it will take years".
const stative =
  /^(?:need|take|remain|seem|appear|cost|last|require|depend|face|become|get|feel|look|mean|necesitar|requerir|costar|tardar|depender|parecer|resultar|quedar|seguir)$/iu;

function classOf(lemma: string, text: string): Clause['headClass'] {
  const word = text.toLowerCase();
  if (commissive.test(lemma) || commissive.test(word)) return 'commissive';
  if (agreeing.test(lemma) || agreeing.test(word)) return 'agreeing';
  if (enacting.test(lemma) || enacting.test(word)) return 'enacting';
  return null;
}

/** The index of the head verb, or -1. Items start with their verb ("establishing …", "crear …"). */
function headIndex(tokens: Token[], item: boolean): number {
  if (item) {
    const first = tokens.findIndex((t) => /\p{L}/u.test(t.text));
    const verb = tokens.findIndex((t, i) => i <= first + 3 && isVerb(t) && !notHead.test(t.lemma));
    return verb >= 0 ? verb : first;
  }
  let skipping = false;
  let fallback = -1;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (subordinate.test(token.text)) skipping = true;
    else if (token.text === ',') skipping = false;
    if (
      skipping ||
      !isVerb(token) ||
      notHead.test(token.lemma) ||
      stative.test(token.lemma) ||
      speech.test(token.lemma)
    )
      continue;
    const previous = tokens[i - 1]?.text.toLowerCase();
    if (previous === 'to' || (previous === 'a' && token.tense === 'infinitive')) continue;
    if (token.tense === 'future' || token.tense === 'conditional') return i;
    if (finite(token) && classOf(token.lemma, token.text)) return i;
    if (fallback < 0 && finite(token)) fallback = i;
  }
  // "van a revisar", "is to meet", "plans to": the verb after them is the head, in the future.
  return fallback;
}

function periphrastic(tokens: Token[], at: number): number {
  const token = tokens[at];
  if (!token) return at;
  const next = tokens[at + 1]?.text.toLowerCase();
  const after = tokens[at + 2];
  if (token.lemma === 'ir' && next === 'a' && after && isVerb(after)) return at + 2;
  return at;
}

function subjectStart(sentence: string, end: number): number {
  const before = sentence.slice(0, end);
  // "If the companies do not comply by 15 June, the Commission will …": the condition is not the subject.
  const condition = /^(?:if|unless|when|once|si|cuando|a menos que)\b[^,]*,\s*/iu.exec(before);
  let start = condition ? condition[0].length : 0;
  for (const match of before.matchAll(
    /(?:\b(?:that|que)\s+|[;:]\s+|\b(?:said|told|dijo|afirmó|anunció|informó)\s+)/giu,
  )) {
    start = match.index + match[0].length;
  }
  return start;
}

const preposition =
  /(?:^|\s)(?:with|to|from|for|on|against|into|toward|towards|in|at|by|con|a|al|para|contra|sobre|hacia|ante|desde|en|entre)\s+(?:the\s+|el\s+|la\s+|los\s+|las\s+)?$/iu;

function namedIn(region: string, gazetteer: Gazetteer): string[] {
  const parties: string[] = [];
  for (const mention of gazetteer.find(region)) {
    if (preposition.test(region.slice(Math.max(0, mention.start - 16), mention.start))) continue;
    if (mention.demonym) {
      const after = /^\s+(\p{L}+)(?:\s+(\p{L}+))?/u.exec(region.slice(mention.end));
      const before = region.slice(0, mention.start).split(/\s+/).filter(Boolean).slice(-4);
      const office = [after?.[1], after?.[2], ...before].some((word) => word && officeWord.test(word));
      if (!office) continue;
    }
    parties.push(mention.party);
  }
  return [...new Set(parties)];
}

/** The verbs a head governs, up to the end of its clause: "agreed to review", "volverán a reunirse … para evaluar". */
function followingVerbs(tokens: Token[], at: number): string[] {
  const verbs: string[] = [];
  for (let i = at + 1; i < Math.min(tokens.length, at + 15); i += 1) {
    const token = tokens[i]!;
    if (boundary.test(token.text)) break;
    if (token.pos === 'VERB') verbs.push(token.text.toLowerCase() === 'up' ? 'set up' : token.lemma);
    if (token.text.toLowerCase() === 'up' && tokens[i - 1]?.lemma === 'set') verbs.push('set up');
  }
  return verbs;
}

function kindOf(
  clause: Pick<Clause, 'headClass' | 'chain' | 'future' | 'named'>,
  sentence: string,
  item: boolean,
  tokens: Token[],
): CommitmentKind {
  const head = clause.chain[0] ?? '';
  const content = clause.chain;
  const conditional = tokens.some((t) => t.tense === 'conditional' || t.tense === 'future');
  if (
    (threatWords.test(sentence) || conditionWords.test(sentence)) &&
    conditional &&
    conditionWords.test(sentence)
  )
    return 'threat';
  if (/\b(?:threaten\w*|amenaz\w*)\b/iu.test(sentence)) return 'threat';
  if (content.some((lemma) => reprieveVerb.test(lemma)) || reprieveNoun.test(sentence)) return 'reprieve';
  if (content.some((lemma) => reviewVerb.test(lemma)) || reviewObject.test(sentence)) return 'review';
  if (!item && clause.headClass === 'commissive') return 'pledge';
  const jointHead = !item && agreeing.test(head) && !/^(?:decid|resolv)/u.test(head);
  if (jointHead || (!item && /^(?:decid|resolv)/u.test(head) && clause.named.length !== 1)) {
    if (!/^(?:decid|resolv)/u.test(head) || !content.slice(1).some((lemma) => measureVerb.test(lemma)))
      return 'agreement';
  }
  if (content.some((lemma) => measureVerb.test(lemma)) || measureNoun.test(sentence)) return 'measure';
  if (content.some((lemma) => createVerb.test(lemma))) return 'agreement';
  return 'pledge';
}

export function readClause(
  sentence: string,
  tokens: Token[],
  language: Language,
  gazetteer: Gazetteer,
  item: boolean,
): Clause {
  let at = headIndex(tokens, item);
  at = periphrastic(tokens, at);
  const head = at >= 0 ? tokens[at]! : null;
  // In English the modal stands before the verb: "Canada will share" has "Canada" before "will".
  let subjectEnd = head?.start ?? 0;
  if (head && language === 'en') {
    for (let i = at - 1; i >= Math.max(0, at - 3); i -= 1) {
      const word = tokens[i]!.text.toLowerCase();
      if (
        /^(?:will|shall|would|'ll|also|have|has|had|is|are|jointly|then|further|therefore|not)$/u.test(word)
      )
        subjectEnd = tokens[i]!.start;
      else break;
    }
  }
  if (head && language === 'es' && tokens[at - 2]?.lemma === 'ir') subjectEnd = tokens[at - 2]!.start;
  // "Rabat se comprometió", "nos comprometemos": the clitic belongs to the verb.
  const clitic = /\s*\b(?:se|nos)\s*$/iu.exec(sentence.slice(0, subjectEnd));
  if (head && language === 'es' && clitic) subjectEnd -= clitic[0].length;
  const start = item ? 0 : subjectStart(sentence, subjectEnd);
  const verb = head ? sentence.slice(item ? head.start : subjectEnd, head.end).trim() : '';
  // "We, the Leaders of …, met in …, commit to:" is "We" for short.
  // "We, the Leaders of …, met in …, commit to:" is "We" for short; "En virtud del acuerdo, ambos países"
  // is "ambos países".
  const region = sentence.slice(start, subjectEnd).trim();
  const afterComma = /,\s*([^,]+)$/u.exec(region)?.[1]?.trim();
  const subject = item
    ? ''
    : region.replace(/^(We|Nosotros|Nosotras),\s.*$/su, '$1') === region && afterComma && !/,$/.test(region)
      ? afterComma
      : region.replace(/^(We|Nosotros|Nosotras),\s.*$/su, '$1');
  const named = item ? [] : namedIn(subject, gazetteer);
  const chain: string[] = head ? [head.lemma, ...followingVerbs(tokens, at)] : [];
  if (head?.lemma === 'set' && tokens[at + 1]?.text.toLowerCase() === 'up') chain[0] = 'set up';
  let partners: string[] = [];
  if (head && agreeing.test(head.lemma)) {
    const after = sentence.slice(head.end, head.end + 90);
    // "agreed with Mexico to …", "signed a supply agreement with Kazakhstan"; not "talks with the Commission".
    const joined =
      /^\s*(?:\S+\s+)?(?:with|con)\s+(.{2,40})/iu.exec(after) ??
      /^\s*(?:\S+\s+){0,5}?(?:agreement|deal|memorandum|accord|treaty|pact|acuerdo|memorando|memorándum|convenio|tratado|pacto)\s+(?:with|con)\s+(.{2,40})/iu.exec(
        after,
      );
    if (joined)
      partners = gazetteer
        .find(joined[1]!)
        .filter((m) => !m.demonym)
        .map((m) => m.party)
        .slice(0, 2);
  }
  const firstPlural =
    !!head && (head.firstPlural || tokens.slice(Math.max(0, at - 2), at).some((t) => t.firstPlural));
  let subjectType: SubjectType;
  if (named.length > 0) subjectType = 'named';
  else if (firstPerson.test(subject) || (language === 'es' && firstPlural)) subjectType = 'first';
  else if (collectiveSubject.test(subject)) subjectType = 'collective';
  else if (officeSubject.test(subject)) subjectType = 'office';
  else if (
    /\p{L}{3,}/u.test(
      subject.replace(
        /^(?:today|hoy|also|además|then|en primer lugar|under \S+ \S+|durante \S+ \S+)\W*/iu,
        '',
      ),
    )
  )
    subjectType = 'thing';
  else subjectType = 'none';
  const headClass = head ? (classOf(head.lemma, head.text) ?? 'other') : null;
  // "advirtió que impondrá", "announced that it will": what is reported is in the future.
  const reported = head
    ? tokens.findIndex(
        (t, i) =>
          i > at &&
          (t.tense === 'future' || t.tense === 'conditional') &&
          tokens.slice(at + 1, i).some((w) => /^(?:that|que)$/iu.test(w.text)),
      )
    : -1;
  if (reported > 0) chain.push(tokens[reported]!.lemma, ...followingVerbs(tokens, reported));
  const future =
    !!head &&
    (head.tense === 'future' ||
      head.tense === 'conditional' ||
      at !== headIndex(tokens, item) ||
      reported > 0);
  const before = head ? sentence.slice(0, subjectEnd) : '';
  const clause = {
    head,
    headAt: at,
    verb,
    headClass,
    future,
    subject,
    before,
    subjectType,
    named,
    partners,
    chain,
  };
  return clause;
}

export function kindOfClause(
  clause: Clause,
  sentence: string,
  item: boolean,
  tokens: Token[],
): CommitmentKind {
  return kindOf(clause, sentence, item, tokens);
}
