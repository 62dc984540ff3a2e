// The scorecard's arithmetic, apart from the database: how a cell counts, and the figures of a set of
// cells (a party's column, a commitment's row, a topic, the whole scorecard).
import type { Status } from './model.ts';

/**
 * How a cell counts. `scored`: a status with a compliance score (+1, 0, −1), in the mean.
 * `unscored`: assessed, with a status that carries no score (in progress, stalled, lapsed …).
 * `not_assessed`: "not yet assessed", or no status at all by the day. Neither of the last two is
 * ever counted as 0.
 */
export type CellKind = 'scored' | 'unscored' | 'not_assessed';

export type Score = -1 | 0 | 1;

export function cellKind(status: Pick<Status, 'score' | 'assessed'> | null): CellKind {
  if (status === null || !status.assessed) return 'not_assessed';
  return status.score === null ? 'unscored' : 'scored';
}

export interface Tally {
  /** The mean of the scored cells (−1 to +1); null when none is scored. */
  mean: number | null;
  /** (mean + 1) / 2 × 100, as compliance reports give it; null with the mean. */
  percent: number | null;
  /** Cells with a score: the cells the mean is taken over. */
  assessed: number;
  /** Cells assessed with a status that carries no score. */
  unscored: number;
  /** Cells not yet assessed, or with no status by the day. */
  notYetAssessed: number;
  /** Every cell: assessed + unscored + notYetAssessed. */
  total: number;
}

export function percentOf(mean: number | null): number | null {
  return mean === null ? null : ((mean + 1) / 2) * 100;
}

/** Adds cells as they come, so a column, a row and a topic are counted in the same pass. */
export class Tallier {
  private sum = 0;
  private assessed = 0;
  private unscored = 0;
  private notYetAssessed = 0;

  /** Adds `cells` cells (one unless told) of one kind and score. */
  add(kind: CellKind, score: Score | null, cells = 1): void {
    if (kind === 'scored') {
      this.sum += (score ?? 0) * cells;
      this.assessed += cells;
    } else if (kind === 'unscored') this.unscored += cells;
    else this.notYetAssessed += cells;
  }

  tally(): Tally {
    const mean = this.assessed === 0 ? null : this.sum / this.assessed;
    return {
      mean,
      percent: percentOf(mean),
      assessed: this.assessed,
      unscored: this.unscored,
      notYetAssessed: this.notYetAssessed,
      total: this.assessed + this.unscored + this.notYetAssessed,
    };
  }
}

/** The change of a mean from an earlier day; null when either day has none. */
export function meanChange(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : after - before;
}
