// The labelled corpus: each text beside its annotation JSON, in corpus/dev (tuned on) and
// corpus/heldout (scored only). See the README's "Annotation format".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommitmentKind } from '../../../domain/model.ts';
import type { Language } from '../language.ts';

export interface AnnotatedCommitment {
  text: string;
  start: number;
  end: number;
  parties: string[];
  kind: CommitmentKind;
  deadline: string | null;
}

export interface Annotation {
  language: Language;
  shape: string;
  published: string | null;
  date: string;
  commitments: AnnotatedCommitment[];
}

export interface CorpusText {
  name: string;
  text: string;
  annotation: Annotation;
}

export type Split = 'dev' | 'heldout';

const root = join(import.meta.dirname, '..', 'corpus');

export function loadCorpus(split: Split): CorpusText[] {
  const folder = join(root, split);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -4);
      const text = readFileSync(join(folder, file), 'utf8');
      const annotation = JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8')) as Annotation;
      for (const commitment of annotation.commitments) {
        if (text.slice(commitment.start, commitment.end) !== commitment.text) {
          throw new Error(
            `${split}/${name}: the span of "${commitment.text.slice(0, 40)}…" is not where it says.`,
          );
        }
      }
      return { name, text, annotation };
    });
}
