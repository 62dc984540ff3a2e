// Extraction of a 5,000-word document (design target ≤ 300 ms), in English and in Spanish: the corpus's
// development texts joined until they reach 5,000 words, read with the gazetteer and an empty database.
import { loadCorpus } from '../ingest/extract/eval/corpus.ts';
import { extract } from '../ingest/extract/extract.ts';
import { time, type Figure } from './measure.ts';

function documentOf(language: 'en' | 'es', words: number): string {
  const texts = loadCorpus('dev')
    .filter((item) => item.annotation.language === language)
    .map((item) => item.text);
  const parts: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i += 1) {
    const text = texts[i % texts.length]!;
    parts.push(text);
    count += text.split(/\s+/).filter(Boolean).length;
  }
  return parts.join('\n\n');
}

export async function extractionFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const language of ['en', 'es'] as const) {
    const document = documentOf(language, 5000);
    const { p50, p95 } = await time(
      () => extract(document, { vocabulary: { parties: [], topics: [] }, language, given: '2026-06-01' }),
      12,
    );
    figures.push({
      figure: `extraction of 5,000 words (${language.toUpperCase()})`,
      size: '—',
      p50,
      p95,
      floor: null,
      target: '≤ 300 ms',
      met: p95 <= 300,
    });
  }
  return figures;
}
