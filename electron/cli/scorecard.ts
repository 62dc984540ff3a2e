// `report --kind scorecard`: the compliance scorecard of the filters' scope on a day (--as-of), compared
// with an earlier day (--compare), in any of its formats, written without half-written files.
import { inLanguage } from '../reports/language.ts';
import type { Database } from 'better-sqlite3';
import { isCalendarDate, today } from '../../db/as-of.ts';
import {
  exportScorecardToFile,
  scorecardFormats,
  type ScorecardFormat,
} from '../reports/scorecard-export.ts';
import type { CliValues } from './cli.ts';
import { formatDetails } from '../reports/export.ts';
import { languageOf, outputFile, resolveScope } from './report.ts';
import { UsageError } from './usage-error.ts';

function scorecardFormat(values: CliValues): ScorecardFormat {
  const format = values.format?.trim().toLowerCase();
  if (!format)
    throw new UsageError(`report --kind scorecard needs --format (${scorecardFormats.join(', ')}).`);
  const found = scorecardFormats.find(
    (known) => known === format || (format === 'markdown' && known === 'md'),
  );
  if (!found) {
    throw new UsageError(
      `--format "${values.format}" is not a scorecard format; use one of ${scorecardFormats.join(', ')}.`,
    );
  }
  return found;
}

/** The briefing's comparison flags mean nothing to a scorecard, which compares days with --compare. */
function refuseBriefingFlags(values: CliValues): void {
  for (const flag of ['since', 'template'] as const) {
    if (values[flag] !== undefined) {
      throw new UsageError(
        `--${flag} belongs to the briefing; a scorecard compares two days with --compare DAY.`,
      );
    }
  }
}

export async function writeScorecard(db: Database, values: CliValues): Promise<number> {
  refuseBriefingFlags(values);
  const format = scorecardFormat(values);
  const out = outputFile(values, formatDetails[format].extension);
  const scope = resolveScope(db, values);
  const compare = values.compare;
  if (compare !== undefined) {
    if (!isCalendarDate(compare))
      throw new UsageError(`--compare "${compare}" is not a date written YYYY-MM-DD.`);
    const day = scope.asOf ?? today();
    if (compare >= day) {
      throw new UsageError(
        `--compare ${compare} must be a day before the one the scorecard describes (${day}).`,
      );
    }
  }
  const written = await inLanguage(languageOf(values), () =>
    exportScorecardToFile(db, { scope, compare }, format, out),
  );
  const { commitmentCount: count, partyCount: parties } = written;
  console.log(
    `Wrote the scorecard of ${count} commitment${count === 1 ? '' : 's'} by ${parties} part${parties === 1 ? 'y' : 'ies'} to ${out}`,
  );
  return 0;
}
