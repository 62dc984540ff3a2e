// Words that make a sentence read as a pledge, an agreement, a measure, a threat, a reprieve or a review.
import type { CommitmentKind } from '../../domain/model.ts';

interface Cue {
  kind: CommitmentKind;
  weight: number;
  pattern: RegExp;
}

export const kindCues: Cue[] = [
  { kind: 'pledge', weight: 3, pattern: /\b(pledg\w*|vow\w*|promis\w*|commit(s|ted|ment)?|undertak\w*)\b/iu },
  {
    kind: 'pledge',
    weight: 3,
    pattern: /\b(se compromet\w*|compromiso\w*|promet\w*|prometió|se comprometió)\b/iu,
  },
  {
    kind: 'agreement',
    weight: 3,
    pattern: /\b(agree[sd]?|agreement|accord|deal|acuerd\w*|acordaron|pactaron|convinieron)\b/iu,
  },
  {
    kind: 'measure',
    weight: 2,
    pattern:
      /\b(impos\w*|in force|take[sn]? effect|launch\w*|extend\w*|deploy\w*|entra(n|rá)? en vigor|en vigor|impon\w*|lanz\w*|despleg\w*)\b/iu,
  },
  { kind: 'threat', weight: 3, pattern: /\b(threat\w*|warn\w* (that|of)|or else|amenaz\w*|advirti\w*)\b/iu },
  {
    kind: 'reprieve',
    weight: 3,
    pattern:
      /\b(reprieve|pause[sd]?|suspend\w*|postpon\w*|delay\w*|prórroga|pausa|suspend\w*|aplaz\w*|pospon\w*)\b/iu,
  },
  { kind: 'review', weight: 3, pattern: /\b(review\w*|revisi[oó]n|revisar\w*|evaluar|assess\w*)\b/iu },
];

/** Modal and future forms: what makes a sentence about what will happen rather than what did. */
export const intentCues: RegExp[] = [
  /\b(will|shall|would|is to|are to|plans? to|intends? to|aims? to|is going to|must|to ensure)\b/iu,
  /\b(va a|van a|habrá|deberá\w*|buscará\w*|\w+rán|\w+rá)\b/iu,
];

/** Reporting of what has already been said or seen, which weighs a sentence down a little. */
export const narrationCues: RegExp[] = [/\b(last (year|month|week)|had already|el año pasado|ya había)\b/iu];
