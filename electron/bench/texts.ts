// Generated titles, summaries and source texts: sentences of policy words drawn from a Zipf-like
// distribution (see vocabulary.ts), each text on a subject of its own, the same for the same seed.
import { functionWords, generalWords, speakers, themeWords } from './vocabulary.ts';

/**
 * Draws ranks 0…n-1 with a weight of 1 / (rank + 1 + offset)^exponent (Zipf–Mandelbrot): the
 * offset keeps the few first words from being in every text, as the most used content words of a
 * real library are not.
 */
export class ZipfDraw<T> {
  private readonly items: readonly T[];
  private readonly cumulative: Float64Array;

  constructor(items: readonly T[], exponent = 1, offset = 8) {
    this.items = items;
    this.cumulative = new Float64Array(items.length);
    let total = 0;
    for (let rank = 0; rank < items.length; rank += 1) {
      total += 1 / (rank + 1 + offset) ** exponent;
      this.cumulative[rank] = total;
    }
  }

  draw(next: () => number): T {
    const target = next() * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! <= target) low = middle + 1;
      else high = middle;
    }
    return this.items[low]!;
  }
}

const general = new ZipfDraw(generalWords);
const themes = Object.values(themeWords).map((list) => new ZipfDraw(list, 1, 1));
/** Of a text's words: how many are "the", "of", "and" …, and of the rest how many are its subject's. */
const functionShare = 0.4;
const themeShare = 0.25;

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Texts drawn from one random stream: the same stream gives the same texts. */
export class TextMaker {
  private readonly next: () => number;

  constructor(next: () => number) {
    this.next = next;
  }

  private integer(from: number, to: number): number {
    return from + Math.floor(this.next() * (to - from + 1));
  }

  private subject(): ZipfDraw<string> {
    return themes[Math.floor(this.next() * themes.length)]!;
  }

  private word(subject: ZipfDraw<string>, functionsToo: boolean): string {
    if (functionsToo && this.next() < functionShare) {
      return functionWords[Math.floor(this.next() * functionWords.length)]!;
    }
    return this.next() < themeShare ? subject.draw(this.next) : general.draw(this.next);
  }

  private words(subject: ZipfDraw<string>, count: number, functionsToo: boolean): string {
    return Array.from({ length: count }, () => this.word(subject, functionsToo)).join(' ');
  }

  private sentence(subject: ZipfDraw<string>): string {
    const opening = this.next() < 0.3 ? `${speakers[Math.floor(this.next() * speakers.length)]!} will ` : '';
    return capitalised(`${opening}${this.words(subject, this.integer(8, 22), true)}.`);
  }

  private sentences(subject: ZipfDraw<string>, count: number): string {
    return Array.from({ length: count }, () => this.sentence(subject)).join(' ');
  }

  /** A commitment's title (a few words, few of them "the" or "of") and its summary of one to three sentences. */
  commitment(): { title: string; summary: string } {
    const subject = this.subject();
    const title = capitalised(
      `${this.words(subject, 2, false)} ${this.words(subject, this.integer(3, 8), true)}`,
    );
    return { title, summary: this.sentences(subject, this.integer(1, 3)) };
  }

  /** A source's title and its text: an article or a statement of 8 to 40 sentences. */
  source(): { title: string; text: string } {
    const subject = this.subject();
    const title = capitalised(this.words(subject, this.integer(5, 10), true));
    return { title, text: this.sentences(subject, this.integer(8, 40)) };
  }
}
