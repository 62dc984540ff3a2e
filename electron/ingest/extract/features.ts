// The features the confidence model weighs, one number each, read from a sentence and its clause.
import type { Clause } from './clause.ts';
import type { Unit } from './structure.ts';
import { forecastWords, historyWords, narrative, negation, reportingWords } from './lexicon.ts';

export const featureNames = [
  'future',
  'commissive',
  'agreeing',
  'enacting',
  'otherHead',
  'noHead',
  'pastHead',
  'subjectNamed',
  'subjectFirst',
  'subjectCollective',
  'subjectOffice',
  'subjectThing',
  'subjectNone',
  'deadline',
  'history',
  'pastYear',
  'forecast',
  'question',
  'floorTurn',
  'item',
  'reported',
  'negated',
  'short',
  'noFullStop',
  'threat',
  'narrative',
] as const;

export type FeatureName = (typeof featureNames)[number];

export function featuresOf(
  unit: Unit,
  clause: Clause,
  deadline: boolean,
  referenceYear: number,
  kind: string,
): Record<FeatureName, number> {
  const text = unit.text;
  const years = [...text.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  const head = clause.head;
  // "did not disclose the price agreed": a negation anywhere before the head, in its clause.
  const beforeHead = head ? text.slice(0, head.start).split(/[,;:]/).at(-1)! : '';
  return {
    future: clause.future ? 1 : 0,
    commissive: clause.headClass === 'commissive' ? 1 : 0,
    agreeing: clause.headClass === 'agreeing' ? 1 : 0,
    enacting: clause.headClass === 'enacting' ? 1 : 0,
    otherHead: clause.headClass === 'other' ? 1 : 0,
    noHead: head ? 0 : 1,
    pastHead: head && head.tense === 'past' && !clause.future ? 1 : 0,
    subjectNamed: clause.subjectType === 'named' ? 1 : 0,
    subjectFirst: clause.subjectType === 'first' ? 1 : 0,
    subjectCollective: clause.subjectType === 'collective' ? 1 : 0,
    subjectOffice: clause.subjectType === 'office' ? 1 : 0,
    subjectThing: clause.subjectType === 'thing' ? 1 : 0,
    subjectNone: clause.subjectType === 'none' ? 1 : 0,
    deadline: deadline ? 1 : 0,
    history: historyWords.test(text) ? 1 : 0,
    pastYear: years.some((year) => year < referenceYear) ? 1 : 0,
    forecast: forecastWords.test(text) ? 1 : 0,
    question: /\?\s*$/.test(text) ? 1 : 0,
    floorTurn: unit.question ? 1 : 0,
    item: unit.role === 'item' ? 1 : 0,
    reported: reportingWords.test(text) ? 1 : 0,
    negated: negation.test(beforeHead) ? 1 : 0,
    short: text.split(/\s+/).length < 7 ? 1 : 0,
    noFullStop: /[.!?…;"”»)]$/u.test(text) ? 0 : 1,
    threat: kind === 'threat' ? 1 : 0,
    narrative:
      head && !clause.future && clause.headClass !== 'commissive' && narrative.test(head.lemma) ? 1 : 0,
  };
}
