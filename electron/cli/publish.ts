// `calendar` and `publish`: the list's filters by name, then the API operation the app calls too, so
// both check their input the same way and fail with the same sentences.
import { languageOf } from './report.ts';
import { resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { InputOf, OutputOf } from '../api/contract.ts';
import { callOperationAsync } from '../api/dispatch.ts';
import type { OperationName } from '../api/operation-names.ts';
import { writeAtomically } from '../reports/atomic-file.ts';
import type { CliValues } from './cli.ts';
import { outputFile, resolveScope } from './report.ts';
import { UsageError } from './usage-error.ts';

type Filter = NonNullable<InputOf<'publishTracker'>['scope']>;

/** The filters typed, as ids: the names the report scope also carries are for its wording only. */
function filterOf(db: Database, values: CliValues): Filter {
  const { dossier: _d, topic: _t, party: _p, status: _s, ...filter } = resolveScope(db, values);
  return filter as Filter;
}

/** An API operation, its failure thrown as the sentence the command line prints. */
export async function call<Name extends OperationName>(
  db: Database,
  name: Name,
  input: InputOf<Name>,
): Promise<OutputOf<Name>> {
  const result = await callOperationAsync(db, name, input);
  if (!result.ok) {
    const where = result.error.issues?.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new Error(where ? `${result.error.message} (${where})` : result.error.message);
  }
  return result.value as OutputOf<Name>;
}

export async function writeCalendar(db: Database, values: CliValues): Promise<number> {
  const file = outputFile(values, 'ics', 'calendar');
  const calendar = await call(db, 'renderCalendar', {
    scope: filterOf(db, values),
    ...(values.title ? { name: values.title } : {}),
    language: languageOf(values),
  });
  writeAtomically(file, Buffer.from(calendar.base64, 'base64'));
  console.log(`Wrote ${calendar.eventCount} deadline${calendar.eventCount === 1 ? '' : 's'} to ${file}`);
  return 0;
}

export async function publishSite(db: Database, values: CliValues): Promise<number> {
  if (!values.out) throw new UsageError('publish needs --out FOLDER.');
  const published = await call(db, 'publishTracker', {
    scope: filterOf(db, values),
    folder: resolve(values.out),
    ...(values.title ? { title: values.title } : {}),
    includeNotes: values['include-notes'] ?? false,
    language: languageOf(values),
  });
  const removed = published.removed > 0 ? `, removed ${published.removed} page(s) no longer in scope` : '';
  console.log(
    `Published ${published.commitmentCount} commitment${published.commitmentCount === 1 ? '' : 's'} and ` +
      `${published.sourceCount} source${published.sourceCount === 1 ? '' : 's'} to ${published.folder} ` +
      `(${published.pages} files${removed}); open index.html`,
  );
  return 0;
}
