// `calendar` and `publish`: the list's filters by name, then the API operation the app calls too, so
// both check their input the same way and fail with the same sentences.
import { resolve } from 'node:path';
import type { Database } from '../../db/open.ts';
import type { CliValues } from './cli.ts';
import { call } from './operations.ts';
import { outputFile, writeOut } from './out-file.ts';
import { languageOf, resolveScope, scopeFlags } from './report.ts';
import { UsageError } from './usage-error.ts';

export async function writeCalendar(db: Database, values: CliValues): Promise<number> {
  const file = outputFile(values, 'ics', 'calendar');
  const scope = await resolveScope(db, values);
  const calendar = await writeOut(file, () =>
    call(
      db,
      'renderCalendar',
      { scope, ...(values.title ? { name: values.title } : {}), language: languageOf(values) },
      { ...scopeFlags, name: '--title' },
    ),
  );
  console.log(`Wrote ${calendar.eventCount} deadline${calendar.eventCount === 1 ? '' : 's'} to ${file}`);
  return 0;
}

export async function publishSite(db: Database, values: CliValues): Promise<number> {
  if (!values.out) throw new UsageError('publish needs --out FOLDER.');
  const published = await call(
    db,
    'publishTracker',
    {
      scope: await resolveScope(db, values),
      folder: resolve(values.out),
      ...(values.title ? { title: values.title } : {}),
      includeNotes: values['include-notes'] ?? false,
      language: languageOf(values),
    },
    { ...scopeFlags, folder: '--out', title: '--title' },
  );
  const removed = published.removed > 0 ? `, removed ${published.removed} page(s) no longer in scope` : '';
  console.log(
    `Published ${published.commitmentCount} commitment${published.commitmentCount === 1 ? '' : 's'} and ` +
      `${published.sourceCount} source${published.sourceCount === 1 ? '' : 's'} to ${published.folder} ` +
      `(${published.pages} files${removed}); open index.html`,
  );
  return 0;
}
