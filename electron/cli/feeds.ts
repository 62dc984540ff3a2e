// `feeds add|list|remove|check` and `inbox`: the watched feeds and the reading inbox, each through an API
// operation, so the command line refuses what the app refuses, in the same words.
import type { Database } from '../../db/open.ts';
import type { ApiResult, OutputOf } from '../api/contract.ts';
import { callOperationAsync } from '../api/dispatch.ts';
import type { OperationName } from '../api/operation-names.ts';
import type { CliValues } from './cli.ts';
import { UsageError } from './usage-error.ts';

/** Runs an operation; bad input or a refusal is printed with what was wrong, and gives exit code 1. */
async function call<Name extends OperationName>(
  db: Database,
  command: string,
  name: Name,
  input: unknown,
): Promise<OutputOf<Name> | null> {
  const result = (await callOperationAsync(db, name, input)) as ApiResult<OutputOf<Name>>;
  if (result.ok) return result.value;
  const issues = result.error.issues?.map((issue) => `${issue.path} ${issue.message}`).join('; ');
  console.error(
    `Pledgewatch: ${command}: ${result.error.code === 'invalid_input' && issues ? issues : result.error.message}`,
  );
  return null;
}

function onlyUrl(command: string, args: string[]): string {
  if (args.length !== 1) throw new UsageError(`${command} needs one feed URL.`);
  return args[0]!;
}

function everyMinutes(values: CliValues): number | undefined {
  if (values.every === undefined) return undefined;
  const minutes = Number(values.every);
  if (!Number.isInteger(minutes))
    throw new UsageError(`--every "${values.every}": give whole minutes, e.g. 60.`);
  return minutes;
}

export async function runFeeds(db: Database, rest: string[], values: CliValues): Promise<number> {
  const [sub, ...args] = rest;
  switch (sub) {
    case 'add': {
      const url = onlyUrl('feeds add', args);
      const added = await call(db, 'feeds add', 'addFeed', { url, everyMinutes: everyMinutes(values) });
      if (!added) return 1;
      console.log(added.created ? `Watching ${url}.` : `Already watching ${url}; its interval is updated.`);
      return 0;
    }
    case 'remove': {
      const url = onlyUrl('feeds remove', args);
      if (!(await call(db, 'feeds remove', 'removeFeed', { url }))) return 1;
      console.log(`Stopped watching ${url}; the sources it brought in stay.`);
      return 0;
    }
    case 'list': {
      const feeds = await call(db, 'feeds list', 'listFeeds', {});
      if (!feeds) return 1;
      if (values.json) console.log(JSON.stringify(feeds, null, 2));
      else if (feeds.length === 0) console.log('No feeds are watched. Add one with: feeds add URL');
      else {
        for (const feed of feeds) {
          const checked = feed.lastCheckedAt ? `last checked ${feed.lastCheckedAt}` : 'not checked yet';
          console.log(
            `${feed.url}  ${feed.title || '(no title yet)'}  every ${feed.everyMinutes} min, ${checked}`,
          );
          if (feed.lastError) console.log(`  last error: ${feed.lastError}`);
        }
      }
      return 0;
    }
    case 'check': {
      const checks = await call(db, 'feeds check', 'checkFeeds', args[0] ? { url: args[0] } : {});
      if (!checks) return 1;
      if (checks.length === 0) console.log('No feeds are watched. Add one with: feeds add URL');
      for (const check of checks) {
        if (check.error) console.error(`Pledgewatch: ${check.error} Nothing from it was stored.`);
        else if (check.outcome === 'not changed')
          console.log(`${check.url}: not changed since the last check.`);
        else {
          const duplicates = check.duplicates.length
            ? `; ${check.duplicates.length} already stored as sources (${check.duplicates.map((d) => d.sourceId).join(', ')})`
            : '';
          console.log(`${check.url}: ${check.added.length} new item(s) in the inbox${duplicates}.`);
          for (const added of check.added) console.log(`  source ${added.sourceId}: ${added.title}`);
        }
      }
      return checks.some((check) => check.error) ? 1 : 0;
    }
    default:
      throw new UsageError(`Unknown command "feeds ${rest.join(' ')}": use feeds add|list|remove|check.`);
  }
}

export async function runInbox(db: Database, values: CliValues): Promise<number> {
  const inbox = await call(db, 'inbox', 'listInbox', { limit: 200 });
  if (!inbox) return 1;
  if (values.json) {
    const items = inbox.items.map((item) => ({
      title: item.title,
      url: item.url,
      published_on: item.publishedOn,
      source_id: item.sourceId,
      read: item.readAt !== null,
      candidates: item.candidates.map((candidate) => ({
        sentence: candidate.sentence,
        start: candidate.start,
        end: candidate.end,
        kind: candidate.kind,
        confidence: Number(candidate.confidence.toFixed(3)),
        deadline: candidate.deadline,
      })),
      suggestions: item.suggestions.map((suggestion) => ({
        start: suggestion.start,
        end: suggestion.end,
        commitment_id: suggestion.commitmentId,
        commitment: suggestion.commitmentTitle,
        status: suggestion.status,
      })),
    }));
    console.log(JSON.stringify(items, null, 2));
    return 0;
  }
  if (inbox.items.length === 0) console.log('The inbox is empty.');
  else console.log(`${inbox.waiting} item(s) in the inbox, ${inbox.unread} unread.`);
  for (const item of inbox.items) {
    console.log(
      `\n${item.readAt ? ' ' : '•'} [source ${item.sourceId}] ${item.title} (${item.publishedOn ?? 'no date'})`,
    );
    if (item.url) console.log(`  ${item.url}`);
    for (const suggestion of item.suggestions) {
      const status = suggestion.status ? ` — suggests: ${suggestion.status}` : '';
      console.log(`  may be about: ${suggestion.commitmentTitle}${status}`);
    }
  }
  return 0;
}
