// Whole texts of the shapes analysts meet, none of them in the corpus, read with an empty database.
import { describe, expect, it } from 'vitest';
import { extract } from './extract.ts';

const empty = { parties: [], topics: [] };
const find = <T extends { sentence: string }>(candidates: T[], start: string) =>
  candidates.find((candidate) => candidate.sentence.startsWith(start));

describe('extraction by structure', () => {
  it('reads a communiqué without the words pledge or commit, and resolves "the two sides"', () => {
    const { candidates, reference, signatories } = extract(
      [
        'Joint Communiqué of the Republic of Chile and the Republic of Indonesia',
        '',
        'Jakarta, 9 May 2025',
        '',
        'The Foreign Ministers of Chile and Indonesia met in Jakarta for the first session of the Joint Commission.',
        'Bilateral trade tripled between 2015 and 2024.',
        'The two countries renew their partnership on fisheries and have set up a joint committee on illegal fishing.',
        'Both sides will conclude the negotiation of an economic partnership agreement by the end of 2025.',
        'Indonesia will open a trade office in Santiago within six months.',
      ].join('\n'),
      { vocabulary: empty, given: '2027-01-01' },
    );
    expect(reference).toEqual({ day: '2025-05-09', basis: 'dateline' });
    expect(signatories).toEqual(['Chile', 'Indonesia']);
    expect(find(candidates, 'The two countries renew')).toMatchObject({ parties: ['Chile', 'Indonesia'] });
    expect(find(candidates, 'Both sides will conclude')).toMatchObject({
      parties: ['Chile', 'Indonesia'],
      kind: 'agreement',
      deadline: '2025-12-31',
      deadlinePhrase: 'by the end of 2025',
      subject: 'Both sides',
      verb: 'will conclude',
    });
    expect(find(candidates, 'Indonesia will open')).toMatchObject({
      parties: ['Indonesia'],
      deadline: 'P6M',
    });
    expect(find(candidates, 'Bilateral trade tripled')).toBeUndefined();
    expect(find(candidates, 'Joint Communiqué')).toBeUndefined();
  });

  it('gives list items under a lead their lead’s subject and verb', () => {
    const { candidates } = extract(
      [
        "Leaders' Statement on Wildfires",
        '',
        'We, the Leaders of Canada, Mexico and the United States, met in Ottawa on 12 March 2026.',
        'Last summer the fires burned fifteen million hectares.',
        'We will improve our joint response to wildfires by:',
        '- creating a North American wildfire coordination cell;',
        '- sharing firefighting aircraft under a common protocol by June 30, 2026;',
        '- training 2,000 additional firefighters within 12 months.',
      ].join('\n'),
      { vocabulary: empty, published: '2026-03-12' },
    );
    const items = candidates.filter((candidate) => /^(creating|sharing|training)/.test(candidate.sentence));
    expect(items).toHaveLength(3);
    for (const item of items) {
      expect(item.parties).toEqual(['Canada', 'Mexico', 'United States']);
      expect(item.subject).toBe('We');
      expect(item.verb).toMatch(/^will improve › /);
    }
    expect(find(candidates, 'sharing')?.deadline).toBe('2026-06-30');
    expect(find(candidates, 'We will improve')).toBeUndefined();
  });

  it('reads a Spanish news report: dateline, metonyms, demonym with office, boilerplate left out', () => {
    const { candidates, reference } = extract(
      [
        'Madrid y Rabat acuerdan reforzar la cooperación migratoria',
        'Por Laura Gómez',
        '',
        'MADRID, 3 de febrero (EFE).- España y Marruecos acordaron este lunes crear un grupo conjunto de vigilancia en el Estrecho.',
        'Rabat se comprometió a desplegar 500 agentes adicionales antes del 30 de abril.',
        'El Gobierno español aportará 30 millones de euros en los próximos seis meses.',
        'Las llegadas irregulares cayeron un 40 % el año pasado.',
        'Síguenos en redes sociales',
      ].join('\n'),
      { vocabulary: empty, given: '2026-11-01' },
    );
    expect(reference).toEqual({ day: '2026-02-03', basis: 'dateline' });
    expect(find(candidates, 'España y Marruecos acordaron')).toMatchObject({
      kind: 'agreement',
      parties: ['Spain', 'Morocco'],
    });
    expect(find(candidates, 'Rabat se comprometió')).toMatchObject({
      parties: ['Morocco'],
      deadline: '2026-04-30',
      verb: 'se comprometió',
    });
    expect(find(candidates, 'El Gobierno español')).toMatchObject({ parties: ['Spain'], deadline: 'P6M' });
    expect(find(candidates, 'Las llegadas')).toBeUndefined();
    expect(find(candidates, 'Síguenos')).toBeUndefined();
  });

  it('tells commitments from history, forecasts and description', () => {
    const { candidates } = extract(
      [
        'Norway and Iceland held talks in Oslo.',
        'Exports have fallen for three years.',
        'The market rose sharply on Monday.',
        'Analysts expect prices to recover next year.',
        'Prices will rise next year as demand grows, analysts said.',
        'Norway will need more investment to meet demand.',
        'It will take years before the line pays for itself.',
        'The minister said the joint panel will meet before 1 December 2026.',
        'Norway would respond with quotas unless Iceland cuts its catch, the minister warned.',
      ].join('\n'),
      { vocabulary: empty, given: '2026-06-01' },
    );
    expect(candidates.map((candidate) => candidate.sentence.split(' ')[0])).toEqual(
      expect.arrayContaining(['The', 'Norway']),
    );
    expect(find(candidates, 'The minister said')).toMatchObject({ deadline: '2026-12-01' });
    expect(find(candidates, 'Norway would respond')).toMatchObject({ kind: 'threat', parties: ['Norway'] });
    for (const distractor of [
      'Exports have fallen',
      'The market rose',
      'Analysts expect',
      'Prices will rise',
      'Norway will need',
      'It will take years',
    ])
      expect(find(candidates, distractor), distractor).toBeUndefined();
  });

  it('makes a person named with an office act for that state, by surname too', () => {
    const { candidates } = extract(
      [
        'MEXICO CITY, Sept. 3 (AP) - US Secretary of State Marco Rubio met Mexican President Claudia Sheinbaum on Wednesday.',
        'Sheinbaum pledged that Mexico would extend gun tracing to all 32 states within 90 days.',
        'Rubio promised to step up inspections of southbound shipments.',
        'En Bogotá, la canciller de Colombia, Laura Sarabia, se comprometió a reabrir el consulado.',
      ].join('\n'),
      { vocabulary: empty, given: '2025-09-05', language: 'en' },
    );
    expect(find(candidates, 'Sheinbaum pledged')?.parties).toEqual(['Mexico']);
    expect(find(candidates, 'Rubio promised')?.parties).toEqual(['United States']);
  });

  it('splits coordinated commitments into one candidate each, sharing the subject', () => {
    const text =
      'Peru will reduce flaring at its gas fields, expand solar capacity in the south and end coal imports by 2030.';
    const { candidates } = extract(text, { vocabulary: empty, given: '2026-01-10', language: 'en' });
    const parts = [...candidates].sort((a, b) => a.start - b.start);
    expect(parts.map((part) => part.sentence)).toEqual([
      'Peru will reduce flaring at its gas fields',
      'expand solar capacity in the south',
      'end coal imports by 2030.',
    ]);
    for (const part of parts) {
      expect(part.parties).toEqual(['Peru']);
      expect(text.slice(part.start, part.end)).toBe(part.sentence);
    }
    expect(parts[2]!.deadline).toBe('2030-12-31');
  });

  it('ranks every commitment of a text above every distractor', () => {
    const { candidates } = extract(
      [
        'Joint Statement of Kenya and Uganda',
        'Kenya and Uganda will build a joint border post at Busia by 2028.',
        'The two delegations held talks in a cordial atmosphere.',
        'Uganda pledged to remove non-tariff barriers on Kenyan dairy within 90 days.',
      ].join('\n'),
      { vocabulary: empty, given: '2026-01-10', threshold: 0 },
    );
    const ranks = candidates.map((candidate) => candidate.sentence.split(' ')[0]);
    expect(ranks.slice(0, 2).sort()).toEqual(['Kenya', 'Uganda']);
  });
});
