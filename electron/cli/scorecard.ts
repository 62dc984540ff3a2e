// `report --kind scorecard`: the compliance scorecard of the filters' scope on a day (--as-of), compared
// with an earlier day (--compare), in any of its formats, rendered by the API's renderScorecard and
// written without half-written files.
import type { Database } from '../../db/open.ts';
import type { CliValues } from './cli.ts';
import { calendarDay, today } from './days.ts';
import { call } from './operations.ts';
import { outputFile, writeOut } from './out-file.ts';
import { formatOf, languageOf, resolveScope, scopeFlags } from './report.ts';
import { UsageError } from './usage-error.ts';

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
  const format = formatOf(values, undefined, 'scorecard');
  const out = outputFile(values, format);
  const scope = await resolveScope(db, values);
  const compare = calendarDay('compare', values.compare);
  if (compare !== undefined) {
    const day = scope.asOf ?? today();
    if (compare >= day) {
      throw new UsageError(
        `--compare ${compare} must be a day before the one the scorecard describes (${day}).`,
      );
    }
  }
  const written = await writeOut(out, () =>
    call(
      db,
      'renderScorecard',
      { scope, ...(compare === undefined ? {} : { compare }), format, language: languageOf(values) },
      { ...scopeFlags, compare: '--compare' },
    ),
  );
  const { commitmentCount: count, partyCount: parties } = written;
  console.log(
    `Wrote the scorecard of ${count} commitment${count === 1 ? '' : 's'} by ${parties} part${parties === 1 ? 'y' : 'ies'} to ${out}`,
  );
  return 0;
}
