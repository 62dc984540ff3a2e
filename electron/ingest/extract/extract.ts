// Pledge extraction: finds the sentences of a text that read as commitments (a commissive or directive
// head with a state or organisation as its subject, list items under a lead, reported speech), with who
// commits, the kind, the topics, any deadline resolved against the text's own date, and a calibrated
// confidence, together with why: the subject, the verb, the deadline phrase and the reference day.
import type { CommitmentKind } from '../../domain/model.ts';
import { isBoilerplate } from './boilerplate.ts';
import { readClause, kindOfClause, type Clause } from './clause.ts';
import { collectiveSubject, mayCommit } from './lexicon.ts';
import { confidenceOf } from './confidence.ts';
import { conjunctsOf } from './coordination.ts';
import { deadlineOf } from './deadline.ts';
import { featuresOf, type FeatureName } from './features.ts';
import { buildGazetteer, type Gazetteer } from './gazetteer.ts';
import { detectLanguage, type Language } from './language.ts';
import { analyse } from './nlp.ts';
import { referenceDayOf, type ReferenceDay } from './reference-day.ts';
import { peopleIn } from './people.ts';
import { layoutOf, type Unit } from './structure.ts';
import { newNamesIn, topicsIn, type Vocabulary } from './vocabulary.ts';

export interface Candidate {
  sentence: string;
  start: number;
  end: number;
  kind: CommitmentKind;
  topics: string[];
  /** Who commits: parties the app knows or the gazetteer names (a person counts for the party they act for). */
  parties: string[];
  /** Capitalised names neither the app nor the gazetteer knows yet. */
  newNames: string[];
  /** An ISO date, or an ISO 8601 duration such as P90D, when the sentence gives one. */
  deadline: string | null;
  /** 0 to 1: the calibrated probability that the sentence is a commitment. */
  confidence: number;
  /** The subject as written ("The two Governments"); for a list item, its lead's. */
  subject: string;
  /** The verb that made it a commitment, as written ("agreed", "establecerá"); for an item, lead › item. */
  verb: string;
  /** The words that state the deadline ("no later than 30 November 2026"). */
  deadlinePhrase: string | null;
  /** For a duration, the day it runs from when the text says so. */
  deadlineFrom: string | null;
  /** The day the deadline was read against, and where that day came from. */
  reference: ReferenceDay;
  /** Parties found through the gazetteer that the database does not have yet. */
  newParties: { name: string; kind: 'state' | 'organisation' }[];
}

export interface ExtractOptions {
  vocabulary: Vocabulary;
  /** The source's publication date (YYYY-MM-DD), the first choice of reference day. */
  published?: string | null;
  /** The day given by the analyst (`--date`), used when the text has no publication date or dateline. */
  given?: string | null;
  /** Older callers: a day to read against, taken as the given day. */
  reference?: Date;
  today?: Date;
  language?: Language;
  /** Candidates below this confidence are left out. */
  threshold?: number;
}

export interface Extraction {
  language: Language;
  reference: ReferenceDay;
  signatories: string[];
  candidates: Candidate[];
}

/** A sentence read for commitment, kept or not: what the confidence model learns from. */
export interface Reading {
  unit: Unit;
  features: Record<FeatureName, number>;
  candidate: Candidate;
}

const pluralOffice =
  /\b(?:ministers|officials|authorities|ministros|ministras|autoridades|delegations|delegaciones)\b/iu;
const anaphora = /^(?:they|ellos|ellas|the sides|las partes)\b/iu;

function partiesOf(clause: Clause, unit: Unit, signatories: string[], previous: string[] | null): string[] {
  const speaker = unit.speaker && unit.speaker.length > 0 ? unit.speaker : null;
  let parties: string[];
  switch (clause.subjectType) {
    case 'named':
      parties = clause.named;
      break;
    case 'collective':
      // "They" is whoever the last commitment named, unless the sentence itself says "the two sides said they".
      parties =
        anaphora.test(clause.subject) &&
        previous &&
        !collectiveSubject.test(clause.before.replace(clause.subject, ''))
          ? previous
          : signatories;
      break;
    case 'office':
      parties = speaker ?? (pluralOffice.test(clause.subject) ? signatories : signatories.slice(0, 1));
      break;
    case 'first':
      parties = speaker ?? signatories;
      break;
    default:
      // "The first meeting will take place …", "Grants … will open": the text's own parties.
      parties = signatories.length > 0 ? signatories : (speaker ?? []);
  }
  return [...new Set([...parties, ...clause.partners])];
}

/** Every sentence read, with its features, before the threshold: for the eval and for training. */
export function readAll(
  text: string,
  options: ExtractOptions,
): { extraction: Extraction; readings: Reading[] } {
  const language = options.language ?? detectLanguage(text);
  const given = options.given ?? (options.reference ? options.reference.toISOString().slice(0, 10) : null);
  const reference = referenceDayOf(text, language, {
    published: options.published ?? null,
    given,
    today: options.today,
  });
  const referenceDate = new Date(`${reference.day}T12:00:00Z`);
  const gazetteer: Gazetteer = buildGazetteer(options.vocabulary);
  for (const person of peopleIn(text, gazetteer)) gazetteer.add(person.name, person.party);
  const { units, signatories } = layoutOf(text, language, gazetteer);
  const known = new Set(options.vocabulary.parties.map((party) => party.actsFor ?? party.name));
  const leads = new Map<number, { clause: Clause; parties: string[] }>();
  const readings: Reading[] = [];
  let previous: string[] | null = null;
  units.forEach((unit, index) => {
    if (unit.role === 'title' || unit.role === 'dateline' || isBoilerplate(unit.text)) return;
    const item = unit.role === 'item';
    if (!item && unit.text.split(/\s+/).length < 4) return;
    if (unit.role === 'body' && !mayCommit(unit.text)) return;
    const tokens = analyse(unit.text, language);
    const clause = readClause(unit.text, tokens, language, gazetteer, item);
    const lead = item && unit.lead !== null ? leads.get(unit.lead) : undefined;
    const parties = lead ? lead.parties : partiesOf(clause, unit, signatories, previous);
    if (unit.role === 'lead') {
      leads.set(index, { clause, parties });
      return;
    }
    // "will reduce X, expand Y and end Z": one candidate per conjunct, sharing the subject.
    const base =
      clause.future || item || clause.headAt < 0
        ? clause.headAt
        : tokens.findIndex((t, i) => i > clause.headAt && i <= clause.headAt + 3 && t.pos === 'VERB');
    const conjuncts = base >= 0 ? conjunctsOf(unit.text, tokens, base) : [];
    const spans = conjuncts.length > 0 ? conjuncts : [{ start: 0, end: unit.text.length, verb: null }];
    let best = 0;
    for (const span of spans) {
      const text = unit.text.slice(span.start, span.end);
      const spanClause = span.verb ? { ...clause, chain: [clause.chain[0]!, span.verb.lemma] } : clause;
      const kind = kindOfClause(spanClause, text, item, tokens);
      const deadline = deadlineOf(text, language, referenceDate, { reprieve: kind === 'reprieve' });
      const features = featuresOf(unit, clause, deadline !== null, referenceDate.getUTCFullYear(), kind);
      if (lead) {
        // An item inherits its lead's subject and verb: "We will … by: establishing …".
        features.subjectFirst = lead.clause.subjectType === 'first' ? 1 : 0;
        features.subjectCollective = lead.clause.subjectType === 'collective' ? 1 : 0;
        features.subjectNamed = lead.clause.subjectType === 'named' ? 1 : 0;
        features.future = lead.clause.future || clause.future ? 1 : features.future;
      }
      const confidence = Math.round(confidenceOf(features) * 100) / 100;
      best = Math.max(best, confidence);
      const verb = span.verb && span.start > 0 ? `${clause.verb} › ${span.verb.text}` : clause.verb;
      const candidate: Candidate = {
        sentence: text,
        start: unit.start + span.start,
        end: unit.start + span.end,
        kind,
        topics: topicsIn(text, options.vocabulary),
        parties,
        newNames: newNamesIn(text, options.vocabulary).filter((name) => gazetteer.find(name).length === 0),
        deadline: deadline?.value ?? null,
        confidence,
        subject: lead ? lead.clause.subject : clause.subject,
        verb: [lead?.clause.verb, verb].filter(Boolean).join(' › '),
        deadlinePhrase: deadline?.phrase ?? null,
        deadlineFrom: deadline?.from ?? null,
        reference,
        newParties: parties
          .filter((party) => !known.has(party))
          .map((party) => ({ name: party, kind: gazetteer.kinds.get(party) ?? 'state' })),
      };
      readings.push({ unit, features, candidate });
    }
    const confidence = best;
    if (confidence >= 0.5 && parties.length > 0) previous = parties;
  });
  const threshold = options.threshold ?? 0.5;
  const candidates = readings
    .map((reading) => reading.candidate)
    .filter((candidate) => candidate.confidence >= threshold)
    .sort((a, b) => b.confidence - a.confidence || a.start - b.start);
  return { extraction: { language, reference, signatories, candidates }, readings };
}

export function extract(text: string, options: ExtractOptions): Extraction {
  return readAll(text, options).extraction;
}

export function extractCandidates(text: string, options: ExtractOptions): Candidate[] {
  return extract(text, options).candidates;
}
