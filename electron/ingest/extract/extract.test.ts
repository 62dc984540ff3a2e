import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBoilerplate } from './boilerplate.ts';
import { findDeadline } from './deadline.ts';
import { extractCandidates } from './extract.ts';
import { detectLanguage } from './language.ts';
import { splitSentences } from './sentences.ts';
import type { Vocabulary } from './vocabulary.ts';

const article = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

const vocabulary: Vocabulary = {
  parties: [
    { name: 'United States', aliases: ['US', 'Washington', 'Estados Unidos', 'EE.UU.'], actsFor: null },
    { name: 'Mexico', aliases: ['México', 'Mexican government'], actsFor: null },
    { name: 'Canada', aliases: ['Ottawa', 'Canadian government'], actsFor: null },
    { name: 'Claudia Sheinbaum', aliases: ['Sheinbaum'], actsFor: 'Mexico' },
  ],
  topics: [
    { path: 'security › fentanyl', keywords: ['fentanyl', 'fentanilo', 'synthetic drugs'] },
    { path: 'security › firearms', keywords: ['arms', 'armas', 'firearms', 'weapons'] },
    { path: 'security › border security', keywords: ['border', 'frontera', 'officers'] },
    { path: 'security › migration', keywords: ['asylum', 'migration', 'migración'] },
    { path: 'trade › tariffs', keywords: ['tariffs', 'aranceles', 'arancel'] },
    { path: 'trade › customs', keywords: ['customs', 'aduanas'] },
    { path: 'institutions › implementation', keywords: ['implementation group', 'grupo de implementación'] },
  ],
};

describe('sentences', () => {
  it('keeps offsets into the text and does not split after titles', () => {
    const text = 'Mr. Rubio met Ms. Sheinbaum. The U.S. will act.\nShare this';
    const sentences = splitSentences(text, 'en');
    expect(sentences.map((s) => s.text)).toEqual([
      'Mr. Rubio met Ms. Sheinbaum.',
      'The U.S. will act.',
      'Share this',
    ]);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('tells English from Spanish', () => {
    expect(detectLanguage(article('border-talks-en.txt'))).toBe('en');
    expect(detectLanguage(article('acuerdo-es.txt'))).toBe('es');
  });
});

describe('boilerplate', () => {
  it('recognises bylines, related links, follow and share lines, in both languages', () => {
    for (const line of [
      'By Jane Whitfield',
      'Por María López',
      'Related: Five things to know',
      'Follow us on X and Facebook',
      'Share | Tweet | Email',
      'Noticias relacionadas: Lo que debes saber',
      'Síguenos en redes sociales',
      'Updated 14 March 2026, 09:12',
    ]) {
      expect(isBoilerplate(line), line).toBe(true);
    }
    for (const line of [
      'Canada will deploy 500 additional officers.',
      'México se compromete a extender el rastreo.',
    ]) {
      expect(isBoilerplate(line), line).toBe(false);
    }
  });
});

describe('deadlines', () => {
  const reference = new Date('2025-09-03T12:00:00Z');
  it('reads durations as ISO 8601 and future dates as ISO dates', () => {
    expect(findDeadline('a 90-day reprieve from the tariffs', 'en', reference)).toBe('P90D');
    expect(findDeadline('officers will be deployed within six months', 'en', reference)).toBe('P6M');
    expect(findDeadline('en un plazo de 90 días', 'es', reference)).toBe('P90D');
    expect(findDeadline('the joint review is due by July 1, 2026', 'en', reference)).toBe('2026-07-01');
    expect(findDeadline('se reunirá a más tardar el 23 de enero de 2026', 'es', reference)).toBe(
      '2026-01-23',
    );
    expect(findDeadline('a ministerial meeting in February 2026', 'en', reference)).toBe('2026-02-28');
  });

  it('does not take a past date for a deadline', () => {
    expect(findDeadline('They met on 2 September 2025 in Mexico City.', 'en', reference)).toBeNull();
  });
});

describe('extractCandidates', () => {
  it('ranks the pledges of an English article above the rest and never offers boilerplate', () => {
    const text = article('border-talks-en.txt');
    const candidates = extractCandidates(text, { vocabulary, reference: new Date('2026-03-14T12:00:00Z') });
    const sentences = candidates.map((candidate) => candidate.sentence);
    const pledges = [
      'Canada will deploy 500 additional officers along the border within six months, the prime minister said.',
      'The United States pledged to cut the backlog of asylum cases by December 31, 2026.',
      'Washington threatened to impose 25% tariffs on Canadian steel if smuggling does not fall.',
      'Both governments agreed to review the customs data-sharing arrangement by July 1.',
    ];
    expect(sentences.slice(0, 4).sort()).toEqual([...pledges].sort());
    for (const distractor of [
      'The weather was cold',
      'Trade between the two countries grew',
      'Officials described',
      'Follow us',
      'Share',
      'By Jane',
      'Related',
    ]) {
      const rank = sentences.findIndex((sentence) => sentence.startsWith(distractor));
      expect(rank === -1 || rank >= 4, distractor).toBe(true);
    }
    expect(sentences.some((sentence) => /Follow us|Share \||^By |^Related/.test(sentence))).toBe(false);

    const byStart = (prefix: string) =>
      candidates.find((candidate) => candidate.sentence.startsWith(prefix))!;
    expect(byStart('Canada will deploy')).toMatchObject({
      parties: ['Canada'],
      deadline: 'P6M',
      topics: ['security › border security'],
    });
    expect(byStart('The United States pledged')).toMatchObject({
      kind: 'pledge',
      parties: ['United States'],
      deadline: '2026-12-31',
    });
    expect(byStart('Washington threatened')).toMatchObject({
      kind: 'threat',
      parties: ['United States'],
      topics: ['trade › tariffs'],
    });
    expect(byStart('Both governments agreed')).toMatchObject({
      deadline: '2026-07-01',
      topics: ['trade › customs'],
    });
    for (const candidate of candidates)
      expect(text.slice(candidate.start, candidate.end)).toBe(candidate.sentence);
  });

  it('ranks the pledges of a Spanish article above the rest, with parties, kinds and deadlines', () => {
    const text = article('acuerdo-es.txt');
    const candidates = extractCandidates(text, { vocabulary, reference: new Date('2025-09-04T12:00:00Z') });
    const top = candidates
      .slice(0, 4)
      .map((candidate) => candidate.sentence.split(' ').slice(0, 3).join(' '));
    expect(top.sort()).toEqual(
      [
        'Ambos gobiernos acordaron',
        'El gobierno advirtió',
        'Estados Unidos anunció',
        'México se compromete',
      ].sort(),
    );
    const byStart = (prefix: string) =>
      candidates.find((candidate) => candidate.sentence.startsWith(prefix))!;
    expect(byStart('México se compromete')).toMatchObject({
      kind: 'pledge',
      parties: ['Mexico'],
      deadline: 'P90D',
      topics: ['security › firearms'],
    });
    expect(byStart('Estados Unidos anunció')).toMatchObject({
      kind: 'reprieve',
      parties: ['United States'],
      deadline: 'P90D',
    });
    expect(byStart('El gobierno advirtió')).toMatchObject({
      kind: 'threat',
      topics: ['security › fentanyl'],
    });
    expect(byStart('Ambos gobiernos acordaron')).toMatchObject({ kind: 'agreement', deadline: '2026-01-23' });
    expect(
      candidates.some((candidate) => /Síguenos|Noticias relacionadas|^Por /.test(candidate.sentence)),
    ).toBe(false);
    const distractors = ['El encuentro duró', 'El año pasado'];
    for (const distractor of distractors) {
      const rank = candidates.findIndex((candidate) => candidate.sentence.startsWith(distractor));
      expect(rank === -1 || rank >= 4, distractor).toBe(true);
    }
  });

  it('names people and bodies the app does not know yet', () => {
    const [candidate] = extractCandidates(
      'Foreign Minister Mélanie Joly pledged that Canada will fund the Border Task Force by 2027.',
      {
        vocabulary,
        reference: new Date('2026-01-01T00:00:00Z'),
      },
    );
    expect(candidate?.newNames).toEqual(
      expect.arrayContaining(['Minister Mélanie Joly', 'Border Task Force']),
    );
  });
});
