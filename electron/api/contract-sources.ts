// The API's operations on sources: the library and its reader, quotes turned into commitments and
// evidence, extraction, citation files and a running Zotero, the evidence exported, watched feeds and
// the inbox. contract.ts joins them to the rest.
import { z } from 'zod';
import type { SourceDuplicate, SourcePage, SourceReader } from '../domain/model.ts';
import type { DraftedSource } from '../ingest/source-drafts.ts';
import type { Extraction } from '../ingest/extract/extract.ts';
import type { CitationImport } from '../citations/import-citations.ts';
import type { ZoteroCollection } from '../citations/zotero-local.ts';
import type { RenderedEvidence } from '../citations/evidence-export.ts';
import type { Feed } from '../../db/feeds.ts';
import type { FeedCheck } from '../feeds/check.ts';
import type { Inbox } from '../feeds/inbox.ts';
import {
  commitmentFilter,
  commitmentKind,
  createCommitmentInput,
  evidenceFormat,
  feedUrl,
  id,
  isoDate,
  nonEmpty,
  offset,
  quoteSpan,
  returns,
  sourceFileName,
  sourceFileTypes,
  text,
} from './schemas.ts';

export const sourceOperations = {
  addSource: returns<{ id: number | null; duplicate: SourceDuplicate | null; merged: boolean }>()(
    z.strictObject({
      title: nonEmpty(300),
      publisher: text(200).default(''),
      url: z
        .url({ protocol: /^https?$/, error: 'must be an http(s) address' })
        .nullable()
        .default(null),
      publishedOn: isoDate.nullable().default(null),
      /** Detected from the text when left out. */
      language: z.enum(['en', 'es']).optional(),
      fullText: nonEmpty(2_000_000),
      onDuplicate: z.enum(['ask', 'merge', 'keep both']).default('ask'),
    }),
  ),
  /** The library's page of 50: the best matches of the words, or the newest sources; `total` counts them all. */
  listSources: returns<SourcePage>()(
    z.strictObject({
      text: text(200).optional(),
      offset: offset.max(1_000_000, 'must be at most 1,000,000').default(0),
      limit: z
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(200, 'must be at most 200')
        .default(50),
    }),
  ),
  readSource: returns<SourceReader>()(z.strictObject({ id })),
  /** A stored source's details; its text stays as it was (quotes point into it). Left out: unchanged. */
  updateSource: returns<{ id: number; changed: boolean }>()(
    z.strictObject({
      id,
      title: nonEmpty(300).optional(),
      publisher: text(200).optional(),
      url: z
        .url({ protocol: /^https?$/, error: 'must be an http(s) address' })
        .nullable()
        .optional(),
      publishedOn: isoDate.nullable().optional(),
      language: z.enum(['en', 'es']).optional(),
    }),
  ),
  createCommitmentFromQuote: returns<{ id: number; excerptId: number }>()(
    z.strictObject({
      quote: quoteSpan,
      commitment: createCommitmentInput,
    }),
  ),
  attachEvidence: returns<{ excerptId: number; statusUpdateId: number | null }>()(
    z.strictObject({
      quote: quoteSpan,
      commitmentId: id,
      update: z
        .strictObject({
          statusId: id,
          effectiveOn: isoDate,
          note: text(20_000).default(''),
          brokenBeforeDeadlineReason: text(2_000).optional(),
        })
        .nullable()
        .default(null),
    }),
  ),
  dismissCandidate: returns<{ sourceId: number }>()(
    z.strictObject({ sourceId: id, start: offset, end: offset }),
  ),
  suggestCommitments: returns<{ id: number; title: string }[]>()(
    z.strictObject({
      text: nonEmpty(5_000),
      topicIds: z.array(id).max(50).optional(),
      partyIds: z.array(id).max(50).optional(),
      kind: commitmentKind.optional(),
    }),
  ),
  /**
   * A file of a source's text (.txt, .md, .html, .pdf) read as a draft: its title, publisher, address,
   * date, language and text (a PDF's text layer, a page without its navigation), for addSource; stores nothing.
   */
  draftSource: returns<DraftedSource>()(
    z.strictObject({
      name: nonEmpty(260).regex(sourceFileName, `must be the name of a ${sourceFileTypes.join(', ')} file`),
      contentBase64: z.base64('must be the file’s bytes in base64').max(100_000_000, 'is too large a file'),
    }),
  ),
  /**
   * The sentences of a text that read as commitments, ranked, each with who commits, the verb that made
   * it one, its topics and deadline, read against the text's dateline, else `date`, else today; stores nothing.
   */
  extractPledges: returns<Extraction>()(
    z.strictObject({
      // Not trimmed: each candidate's offsets point into the text as it was sent.
      text: z.string().max(2_000_000, 'must be at most 2000000 characters'),
      date: isoDate.optional(),
    }),
  ),
  /**
   * Sources from a Zotero export (CSL JSON, RIS or BibTeX), in one transaction, all or nothing; an
   * error names the file, the entry and its line. `attachments` carries the text of the files the
   * entries name (the command line reads them); `dryRun` says what would be added and stores nothing.
   */
  importCitations: returns<CitationImport>()(
    z.strictObject({
      name: nonEmpty(260).regex(
        /\.(json|ris|bib)$/i,
        'must be the name of a .json (CSL JSON), .ris or .bib file',
      ),
      contentBase64: z.base64('must be the file’s bytes in base64').max(100_000_000, 'is too large a file'),
      attachments: z
        .array(z.strictObject({ path: nonEmpty(4_000), text: z.string().max(2_000_000) }))
        .max(10_000)
        .default([]),
      dryRun: z.boolean().default(false),
    }),
  ),
  /** The collections of a running Zotero's library (Zotero 7 or later), when the setting allows reading it. */
  listZoteroCollections: returns<ZoteroCollection[]>()(z.strictObject({})),
  /**
   * Sources from a running Zotero: its whole library or one collection (a key from
   * listZoteroCollections), as importCitations takes them from a file, all or nothing, with the text of
   * each item's indexed attachment; `dryRun` says what would be added and stores nothing. Refused
   * while the zoteroConnector setting is off (the default).
   */
  importFromZotero: returns<CitationImport>()(
    z.strictObject({
      collection: z
        .string()
        .regex(/^[A-Z0-9]{8}$/, 'must be a Zotero collection key, as listZoteroCollections gives it')
        .optional(),
      dryRun: z.boolean().default(false),
    }),
  ),
  /** The sources cited as evidence in a report's scope, as CSL JSON or BibTeX (base64), for a reference manager. */
  renderEvidence: returns<RenderedEvidence>()(
    z.strictObject({
      scope: commitmentFilter.default({ dateField: 'due_on' }),
      format: evidenceFormat,
      /** Names the file; left out, "Evidence" and the day. */
      title: text(200).optional(),
    }),
  ),
  /** The watched feeds, with when each was last checked and what went wrong, if anything. */
  listFeeds: returns<Feed[]>()(z.strictObject({})),
  /** Watches a feed (RSS, Atom or JSON Feed); an address already watched gets the new interval. */
  addFeed: returns<{ id: number; created: boolean }>()(
    z.strictObject({
      url: feedUrl,
      everyMinutes: z
        .int('must be a whole number of minutes')
        .min(5, 'must be at least 5 minutes')
        .max(10_080, 'must be at most a week (10080 minutes)')
        .default(60),
    }),
  ),
  /** Stops watching a feed; the sources it brought in stay. */
  removeFeed: returns<{ id: number }>()(z.strictObject({ url: feedUrl })),
  /** Checks every feed (or one) now: new items become sources in the inbox; a failure stores nothing. */
  checkFeeds: returns<FeedCheck[]>()(z.strictObject({ url: feedUrl.optional() })),
  /** The inbox, newest first: each source's candidates and the commitments they may concern. */
  listInbox: returns<Inbox>()(
    z.strictObject({ offset: z.int().min(0).default(0), limit: z.int().min(1).max(200).default(50) }),
  ),
  /** How many inbox items wait, and how many of them are unread. */
  countInbox: returns<{ unread: number; waiting: number }>()(z.strictObject({})),
  /** Marks an inbox item read or unread, archived or back in the inbox. Left out: unchanged. */
  markInboxItem: returns<{ sourceId: number }>()(
    z.strictObject({ sourceId: id, read: z.boolean().optional(), archived: z.boolean().optional() }),
  ),
};
