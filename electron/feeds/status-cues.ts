// What a sentence says has happened to a commitment, when it says so plainly: work begun, done, halted or
// given up. Only a suggestion for the analyst; "broken" is never suggested, since that needs a deadline
// gone by and the analyst's judgement.
const cues: { status: string; pattern: RegExp }[] = [
  {
    status: 'fulfilled',
    pattern:
      /(?<!\p{L})(completed|fulfilled|delivered|has been (?:met|achieved|finished)|were (?:met|achieved)|cumpli[óo]|complet(?:ó|aron)|concluy(?:ó|eron)|entreg(?:ó|aron))(?!\p{L})/iu,
  },
  {
    status: 'stalled',
    pattern:
      /(?<!\p{L})(stalled|halted|suspended|paused|postponed|put on hold|frozen|se estanc(?:ó|aron)|suspendi(?:ó|eron)|paraliz(?:ó|aron|ado)|aplaz(?:ó|aron)|pospus(?:o|ieron)|congel(?:ó|aron))(?!\p{L})/iu,
  },
  {
    status: 'withdrawn',
    pattern:
      /(?<!\p{L})(withdr[ae]w\w*|abandoned|scrapped|retir(?:ó|aron)|abandon(?:ó|aron)|desisti(?:ó|eron))(?!\p{L})/iu,
  },
  {
    status: 'in progress',
    pattern:
      /(?<!\p{L})(launched|began|begun|started|deployed|rolled out|under way|underway|is (?:now )?implementing|took effect|came into force|lanz(?:ó|aron)|inici(?:ó|aron)|comenz(?:ó|aron)|despleg(?:ó|aron)|puso en marcha|pusieron en marcha|entr(?:ó|aron) en vigor|en marcha)(?!\p{L})/iu,
  },
];

// Letter boundaries rather than \b, which takes "ó" for a non-word character and so never matches after "cumplió".

/** The name of the status the sentence reads as, or null when it gives no plain sign of one. */
export function statusCueOf(sentence: string): string | null {
  return cues.find((cue) => cue.pattern.test(sentence))?.status ?? null;
}
