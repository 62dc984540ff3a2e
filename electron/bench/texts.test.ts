import { describe, expect, it } from 'vitest';
import { random as seeded } from './generate.ts';
import { searches } from './search-figures.ts';
import { TextMaker, ZipfDraw } from './texts.ts';
import { functionWords, generalWords, themeWords } from './vocabulary.ts';

const wordsOf = (text: string) => new Set(text.toLowerCase().match(/[a-z]+/g) ?? []);

/** The share of texts each word is in, as a search of it would find them. */
function shares(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return new Map([...counts].map(([word, count]) => [word, count / texts.length]));
}

describe('the vocabulary', () => {
  it('is a few thousand words, each written once per list, in lower-case letters', () => {
    const lists = [generalWords, functionWords, ...Object.values(themeWords)];
    for (const list of lists) {
      expect(new Set(list).size).toBe(list.length);
      expect(list.filter((word) => !/^[a-z]+$/.test(word))).toEqual([]);
    }
    expect(new Set(lists.flat()).size).toBeGreaterThan(2_500);
  });
});

describe('generated texts', () => {
  const maker = new TextMaker(seeded(7));
  const sources = Array.from({ length: 1_000 }, () => {
    const { title, text } = maker.source();
    return `${title} ${text}`;
  });
  const sourceShares = shares(sources);

  it('are the same for the same seed, and differ for another', () => {
    const first = new TextMaker(seeded(1));
    const again = new TextMaker(seeded(1));
    const other = new TextMaker(seeded(2));
    const made = Array.from({ length: 5 }, () => first.commitment());
    expect(Array.from({ length: 5 }, () => again.commitment())).toEqual(made);
    expect(Array.from({ length: 5 }, () => other.commitment())).not.toEqual(made);
  });

  it('use some words in most sources and most words in few, none but "the" and its like in all', () => {
    const content = [...sourceShares].filter(([word]) => !functionWords.includes(word));
    expect(content.length).toBeGreaterThan(2_000);
    expect(content.filter(([, share]) => share === 1)).toEqual([]);
    expect(content.filter(([, share]) => share > 0.5).length).toBeGreaterThan(10);
    expect(content.filter(([, share]) => share < 0.05).length / content.length).toBeGreaterThan(2 / 3);
  });

  it('hold the benchmark’s search words in the shares it says', () => {
    const share = (text: string) => {
      const words = text.split(' ');
      return (
        sources.filter((source) => {
          const found = wordsOf(source);
          return words.every((word) => [...found].some((each) => each.startsWith(word)));
        }).length / sources.length
      );
    };
    const [common, rare, twoWords, begun] = searches.map((search) => share(search.text)) as [
      number,
      number,
      number,
      number,
    ];
    expect(common).toBeGreaterThan(0.8);
    expect(rare).toBeLessThan(0.02);
    expect(rare).toBeGreaterThan(0);
    expect(twoWords).toBeLessThan(0.05);
    expect(begun).toBeGreaterThan(twoWords);
  });

  it('give commitments a title of a few words and a summary of whole sentences', () => {
    const { title, summary } = new TextMaker(seeded(3)).commitment();
    expect(title.split(' ').length).toBeGreaterThanOrEqual(5);
    expect(summary).toMatch(/^[A-Z].*\.$/);
  });
});

describe('ZipfDraw', () => {
  it('draws the first items most and every item sometimes', () => {
    const draw = new ZipfDraw(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], 1, 0);
    const next = seeded(11);
    const counts = new Map<string, number>();
    for (let index = 0; index < 20_000; index += 1) {
      const item = draw.draw(next);
      counts.set(item, (counts.get(item) ?? 0) + 1);
    }
    expect(counts.size).toBe(10);
    // 1/1 against 1/10: the first about ten times the last.
    expect(counts.get('a')! / counts.get('j')!).toBeGreaterThan(7);
    expect(counts.get('a')! / counts.get('j')!).toBeLessThan(13);
  });
});
