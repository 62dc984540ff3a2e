import { describe, expect, it } from 'vitest';
import { buildGazetteer } from './gazetteer.ts';
import type { Vocabulary } from './vocabulary.ts';

const names = (text: string, vocabulary: Vocabulary = { parties: [], topics: [] }) =>
  buildGazetteer(vocabulary)
    .find(text)
    .filter((mention) => !mention.demonym)
    .map((mention) => mention.party);

describe('gazetteer', () => {
  it('knows states and organisations in English and Spanish without a database', () => {
    expect(names('Kenya and the United Republic of Tanzania met the African Union.')).toEqual([
      'Kenya',
      'Tanzania',
      'African Union',
    ]);
    expect(names('Costa de Marfil, Países Bajos y la Unión Europea')).toEqual([
      'Ivory Coast',
      'Netherlands',
      'European Union',
    ]);
  });

  it('reads abbreviations with their dots and spaces, and seats of government as their states', () => {
    expect(names('EE. UU. y EEUU y U.S. y EE.UU.')).toEqual([
      'United States',
      'United States',
      'United States',
      'United States',
    ]);
    expect(names('La Moncloa respondió a Brasilia y a la Casa Rosada.')).toEqual([
      'Spain',
      'Brazil',
      'Argentina',
    ]);
  });

  it('matches case-sensitively: a common word is not a place', () => {
    expect(names('Let us talk turkey about the chad in the ballot.')).toEqual([]);
    expect(names('Turkey and Chad told US officials.')).toEqual(['Turkey', 'Chad', 'United States']);
  });

  it('marks demonyms, which name a state only beside a word of office', () => {
    const [mention] = buildGazetteer({ parties: [], topics: [] }).find('the Canadian government');
    expect(mention).toMatchObject({ party: 'Canada', demonym: true });
  });

  it("reports a party by the database's name when the database knows it", () => {
    const vocabulary: Vocabulary = {
      parties: [
        { name: 'USA', aliases: ['Washington DC'], actsFor: null },
        { name: 'Mélanie Joly', aliases: ['Joly'], actsFor: 'Canada' },
      ],
      topics: [],
    };
    expect(names('EE. UU., Washington DC and the United States', vocabulary)).toEqual(['USA', 'USA', 'USA']);
    expect(names('Joly said', vocabulary)).toEqual(['Canada']);
  });
});
