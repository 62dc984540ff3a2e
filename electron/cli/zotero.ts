// `zotero on|off|collections|import`: reading a running Zotero's library (Zotero 7 or later, its local
// API allowed), each step through an API operation, so the command line refuses what the app refuses.
import type { Database } from '../../db/open.ts';
import type { CliValues } from './cli.ts';
import { call } from './operations.ts';
import { UsageError } from './usage-error.ts';

function portOf(values: CliValues): number | undefined {
  if (values.port === undefined) return undefined;
  const port = Number(values.port);
  if (!Number.isInteger(port))
    throw new UsageError(`--port "${values.port}": give a port number, e.g. 23119.`);
  return port;
}

/** The key of the collection named (its key, its whole name "A / B", or its own name when no other has it). */
async function collectionKey(db: Database, wanted: string): Promise<string> {
  const collections = await call(db, 'listZoteroCollections', {});
  const exact = collections.find((collection) => collection.key === wanted || collection.name === wanted);
  if (exact) return exact.key;
  const byOwnName = collections.filter((collection) => collection.name.split(' / ').at(-1) === wanted);
  if (byOwnName.length === 1) return byOwnName[0]!.key;
  const known = collections.map((collection) => `"${collection.name}"`).join(', ') || 'none';
  throw new UsageError(
    byOwnName.length > 1
      ? `--collection "${wanted}" names ${byOwnName.length} collections; give its whole name: ${byOwnName.map((collection) => `"${collection.name}"`).join(', ')}.`
      : `--collection "${wanted}": Zotero has no such collection (it has ${known}).`,
  );
}

export async function runZotero(db: Database, rest: string[], values: CliValues): Promise<number> {
  const [sub, ...extra] = rest;
  if (extra.length > 0) throw new UsageError(`zotero ${sub}: unexpected "${extra.join(' ')}".`);
  switch (sub) {
    case 'on':
    case 'off': {
      const port = portOf(values);
      const settings = await call(
        db,
        'saveSettings',
        { zoteroConnector: sub === 'on', ...(port === undefined ? {} : { zoteroPort: port }) },
        { zoteroPort: '--port' },
      );
      console.log(
        settings.zoteroConnector
          ? `Reading from a running Zotero is on (127.0.0.1:${settings.zoteroPort}).`
          : 'Reading from a running Zotero is off.',
      );
      return 0;
    }
    case 'collections': {
      const collections = await call(db, 'listZoteroCollections', {});
      if (values.json) console.log(JSON.stringify(collections, null, 2));
      else if (collections.length === 0) console.log('The Zotero library has no collections.');
      else
        for (const collection of collections)
          console.log(`${collection.key}  ${collection.name} (${collection.items})`);
      return 0;
    }
    case 'import': {
      const dryRun = values['dry-run'] ?? false;
      const collection =
        values.collection === undefined ? undefined : await collectionKey(db, values.collection);
      const result = await call(db, 'importFromZotero', { ...(collection ? { collection } : {}), dryRun });
      const count = (n: number) => `${n} source${n === 1 ? '' : 's'}`;
      console.log(
        `${dryRun ? 'Would add' : 'Added'} ${count(result.added.length)} from the ${result.file} (${result.entries} item${result.entries === 1 ? '' : 's'}).`,
      );
      for (const added of result.added)
        console.log(`  + ${added.title}${added.id === null ? '' : ` (source ${added.id})`}`);
      for (const stored of result.alreadyStored)
        console.log(`  = item ${stored.entry} is source ${stored.id}, “${stored.title}”, already stored`);
      if (dryRun) console.log('Nothing was stored (--dry-run).');
      return 0;
    }
    default:
      throw new UsageError(
        sub === undefined
          ? 'zotero needs on, off, collections or import.'
          : `Unknown command "zotero ${sub}".`,
      );
  }
}
