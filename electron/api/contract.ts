// The API contract: each operation's name, input schema and output type, declared once.
// The IPC, HTTP and CLI adapters and the renderer's client are all derived from this list.
import { z } from 'zod';
import type { CommandLineOperationName, OperationName } from './operation-names.ts';
import { citationStyleIds, evidenceFormats } from '../domain/model.ts';
import type {
  Backup,
  CommitmentDetail,
  CommitmentPage,
  Dashboard,
  ExcerptChoice,
  ReferenceData,
  SavedView,
  Settings,
  SourceDuplicate,
  SourceReader,
  SourceSummary,
  TrashedCommitment,
  Usage,
} from '../domain/model.ts';
import type { ReportSnapshotSummary } from '../../db/report-snapshots.ts';
import { reportTemplateFormats, type ReportTemplate } from '../../db/report-templates.ts';
import type { RenderedReport, ReportPreview } from '../reports/export.ts';
import type { RenderedCalendar } from '../reports/calendar.ts';
import type { Trends } from '../reports/trends.ts';
import type { Published } from '../publish/publish.ts';
import type { Scorecard } from '../reports/scorecard.ts';
import type { RenderedScorecard } from '../reports/scorecard-export.ts';
import type { ScorecardCellDetail } from '../reports/scorecard-cell.ts';
import type { ImportApplied, ImportPreview } from '../ingest/import-api.ts';
import type { DraftedSource } from '../ingest/source-drafts.ts';
import type { Extraction } from '../ingest/extract/extract.ts';
import { sourceFileTypes } from '../ingest/source-file-types.ts';
import type { CitationImport } from '../citations/import-citations.ts';
import type { ZoteroCollection } from '../citations/zotero-local.ts';
import type { RenderedEvidence } from '../citations/evidence-export.ts';
import type { FieldConflict } from '../team/conflicts.ts';
import type { MemberRow } from '../team/members.ts';
import type { DossierSync } from '../team/operations.ts';
import type { TeamDossierStatus } from '../team/share.ts';
import type { Feed } from '../../db/feeds.ts';
import type { FileHealth } from '../../db/health.ts';
import type { FeedCheck } from '../feeds/check.ts';
import type { Inbox } from '../feeds/inbox.ts';

export interface Operation<Input extends z.ZodType, Output> {
  input: Input;
  /** Never set at run time: carries the output type. */
  output?: Output;
}

const returns =
  <Output>() =>
  <Input extends z.ZodType>(input: Input): Operation<Input, Output> => ({ input });

const id = z.int('must be a whole number').positive('must be a positive id');
/** A calendar day written YYYY-MM-DD (2025-02-30 is not one); the command line checks its flags with it. */
export const isoDate = z.iso.date('must be a date written YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const nonEmpty = (max: number) => text(max).min(1, 'must not be empty');

export const commitmentKind = z.enum(['pledge', 'agreement', 'measure', 'threat', 'reprieve', 'review']);

export const sortColumns = ['title', 'dossier', 'status', 'announced_on', 'due_on', 'updated'] as const;

export const deadlineState = z.enum(['none', 'upcoming', 'due_soon', 'passed', 'met']);

export const statusCategory = z.enum(['open', 'closed']);

/** The styles a report cites its sources in. */
export const citationStyle = z.enum(citationStyleIds, `must be one of ${citationStyleIds.join(', ')}`);

/** The files a report's evidence is exported as, for a reference manager. */
export const evidenceFormat = z.enum(evidenceFormats, `must be one of ${evidenceFormats.join(', ')}`);

/** The list's filters, shared by the list, bulk actions and reports. */
export const commitmentFilter = z.strictObject({
  dossierId: id.optional(),
  topicId: id.optional(),
  partyId: id.optional(),
  statusId: id.optional(),
  statusCategory: statusCategory.optional(),
  deadlineState: deadlineState.optional(),
  /** Which date the range applies to. */
  dateField: z.enum(['announced_on', 'due_on']).default('due_on'),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  text: text(200).optional(),
  /** The state on that day, from history; today when left out. */
  asOf: isoDate.optional(),
});

export const listCommitmentsInput = commitmentFilter.extend({
  sort: z.enum(sortColumns).default('due_on'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.int().min(0).default(0),
  limit: z.int().min(1).max(500).default(100),
});

export const deadlineInput = z.union([
  z.strictObject({ on: isoDate }),
  z.strictObject({
    amount: z.int().positive('must be at least 1').max(100_000),
    unit: z.enum(['days', 'weeks', 'months', 'years']),
    from: isoDate,
  }),
]);

export const createCommitmentInput = z.strictObject({
  dossierId: id,
  title: nonEmpty(300),
  summary: text(20_000).default(''),
  kind: commitmentKind.default('pledge'),
  parentId: id.nullable().default(null),
  madeBy: z.array(id).max(50).default([]),
  owedTo: z.array(id).max(50).default([]),
  topicIds: z.array(id).max(50).default([]),
  announcedOn: isoDate.nullable().default(null),
  deadline: deadlineInput.nullable().default(null),
  statusId: id.optional(),
});

export const recordStatusUpdateInput = z.strictObject({
  commitmentId: id,
  statusId: id,
  effectiveOn: isoDate,
  note: text(20_000).default(''),
  partyId: id.nullable().default(null),
  excerptId: id.nullable().default(null),
  correctsId: id.nullable().default(null),
  /** Marking a commitment broken before its deadline needs the analyst's reason. */
  brokenBeforeDeadlineReason: text(2_000).optional(),
});

const referenceName = nonEmpty(200);
const colour = z.string().regex(/^#[0-9a-f]{6}$/, 'must be a colour written #rrggbb');

/** An edit names only the fields it changes: no defaults here, or leaving a field out would reset it. */
export const updateCommitmentInput = z.strictObject({
  id,
  dossierId: id.optional(),
  title: nonEmpty(300).optional(),
  summary: text(20_000).optional(),
  kind: commitmentKind.optional(),
  parentId: id.nullable().optional(),
  madeBy: z.array(id).max(50).optional(),
  owedTo: z.array(id).max(50).optional(),
  topicIds: z.array(id).max(50).optional(),
  announcedOn: isoDate.nullable().optional(),
  deadline: deadlineInput.nullable().optional(),
});

const offset = z.int('must be a whole number').min(0, 'must be 0 or more');

export const quoteSpan = z.strictObject({
  sourceId: id,
  start: offset,
  end: offset,
  speaker: text(200).default(''),
  /** A span of a summary, in other words than the original's: shown as a paraphrase, not a quotation. */
  paraphrase: z.boolean().default(false),
});

/** The formats of a report and of the scorecard. */
export const reportFormat = z.enum(reportTemplateFormats);
const templateName = nonEmpty(200);

/** A report: the list's filters (with asOf, the state on that day) and what it is compared with. */
/** The language a report is written in; English when left out (the app sends its own). */
export const reportLanguage = z.enum(['en', 'es'], 'must be en or es').optional();

export const reportRequest = z.strictObject({
  scope: commitmentFilter.default({ dateField: 'due_on' }),
  language: reportLanguage,
  /** What changed since this day. */
  since: isoDate.optional(),
  /** The template it belongs to: without `since`, compared with that template's last report. */
  template: templateName.optional(),
  /** The style its sources are cited in; left out, the one chosen in the settings. */
  style: citationStyle.optional(),
});

/** A file dropped into the app: its name (whose extension gives its type) and its bytes in base64. */
const importFile = z.strictObject({
  name: nonEmpty(260).regex(/\.(csv|xlsx|json)$/i, 'must be the name of a .csv, .xlsx or .json file'),
  /** About 75 MB of file: far more than a spreadsheet of every commitment. */
  contentBase64: z.base64('must be the file’s bytes in base64').max(100_000_000, 'is too large a file'),
});

/** The files draftSource reads a source from, by extension; the command line picks its operation by them. */
export { sourceFileTypes };

const sourceFileName = new RegExp(
  `(${sourceFileTypes.map((type) => type.replace('.', '\\.')).join('|')})$`,
  'i',
);

/** A team's PostgreSQL: its address (postgres://member@host/database) and, in the desktop app, a password. */
const teamLogin = z.strictObject({
  server: z
    .string()
    .trim()
    .max(2_000)
    .regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL address written postgres://member@host/database'),
  password: z.string().max(200).optional(),
});

/** A feed's address: http(s) only. */
const feedUrl = z
  .string()
  .trim()
  .max(2_000, 'must be at most 2000 characters')
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }));

export const contract = {
  listReference: returns<ReferenceData>()(z.strictObject({})),
  listCommitments: returns<CommitmentPage>()(listCommitmentsInput),
  getCommitment: returns<CommitmentDetail>()(z.strictObject({ id, asOf: isoDate.optional() })),
  getDashboard: returns<Dashboard>()(
    z.strictObject({ asOf: isoDate.optional(), changesSince: z.iso.datetime().optional() }),
  ),
  /** Called once when the app opens: remembers now, and returns when it was last opened. */
  startSession: returns<{ previous: string | null }>()(z.strictObject({})),
  updateCommitment: returns<{ id: number }>()(updateCommitmentInput),
  deleteCommitment: returns<{ id: number }>()(z.strictObject({ id })),
  restoreCommitment: returns<{ id: number }>()(z.strictObject({ id })),
  listTrash: returns<TrashedCommitment[]>()(z.strictObject({})),
  undo: returns<{ undone: string | null }>()(z.strictObject({})),
  bulkRecordStatus: returns<{ ids: number[] }>()(
    z.strictObject({
      commitmentIds: z.array(id).min(1, 'choose at least one commitment').max(100_000),
      statusId: id,
      effectiveOn: isoDate,
      note: text(20_000).default(''),
      brokenBeforeDeadlineReason: text(2_000).optional(),
    }),
  ),
  listExcerpts: returns<ExcerptChoice[]>()(
    z.strictObject({ commitmentId: id.optional(), text: text(200).optional() }),
  ),
  saveDossier: returns<{ id: number }>()(
    z.strictObject({ id: id.optional(), name: referenceName, description: text(5_000).default('') }),
  ),
  saveParty: returns<{ id: number }>()(
    z.strictObject({
      id: id.optional(),
      name: referenceName,
      kind: z.enum(['state', 'organisation', 'person']),
      actsForId: id.nullable().default(null),
      aliases: z.array(text(200)).max(100).default([]),
    }),
  ),
  saveTopic: returns<{ id: number }>()(
    z.strictObject({
      id: id.optional(),
      name: referenceName,
      parentId: id.nullable().default(null),
      keywords: z.array(text(200)).max(500).default([]),
    }),
  ),
  saveStatus: returns<{ id: number }>()(
    z.strictObject({
      id: id.optional(),
      name: referenceName,
      colour,
      category: z.enum(['open', 'closed']),
      score: z
        .union([z.literal(-1), z.literal(0), z.literal(1)])
        .nullable()
        .default(null),
    }),
  ),
  /** What uses a piece of reference data; deleting refuses while anything does. */
  referenceUsage: returns<Usage>()(
    z.strictObject({ kind: z.enum(['dossier', 'party', 'topic', 'status']), id }),
  ),
  deleteReference: returns<{ id: number }>()(
    z.strictObject({ kind: z.enum(['dossier', 'party', 'topic', 'status']), id }),
  ),
  listSavedViews: returns<SavedView[]>()(z.strictObject({})),
  saveView: returns<SavedView>()(z.strictObject({ name: referenceName, query: text(2_000) })),
  deleteView: returns<{ name: string }>()(z.strictObject({ name: referenceName })),
  getSettings: returns<Settings>()(z.strictObject({})),
  saveSettings: returns<Settings>()(
    z.strictObject({
      /** Each one left out: unchanged. */
      staleDays: z.int().min(1, 'must be at least 1 day').max(3650).optional(),
      /** 0 turns automatic backups off. */
      backupKeep: z.int().min(0, 'must be 0 or more').max(1000).optional(),
      notifyDeadlines: z.boolean().optional(),
      /** Left out: unchanged. The reader's confidence threshold, 0 to 1. */
      readerThreshold: z.number().min(0, 'must be 0 or more').max(1, 'must be 1 or less').optional(),
      /** Left out: unchanged. The style reports cite their sources in. */
      citationStyle: citationStyle.optional(),
      /** Left out: unchanged. Whether a running Zotero's library may be read (off by default). */
      zoteroConnector: z.boolean().optional(),
      /** Left out: unchanged. The port of Zotero's local server on 127.0.0.1. */
      zoteroPort: z
        .int()
        .min(1, 'must be a port, 1 to 65535')
        .max(65_535, 'must be a port, 1 to 65535')
        .optional(),
    }),
  ),
  /** The backups beside the database, newest first. */
  listBackups: returns<Backup[]>()(z.strictObject({})),
  /** A manual backup now, beside the database; automatic ones are taken on start and daily. */
  takeBackup: returns<Backup>()(z.strictObject({})),
  /** Replaces the data with a backup's, after checking it; the current state is kept as a backup first. */
  restoreBackup: returns<{ restored: string; keptAs: string }>()(
    z.strictObject({
      name: z
        .string()
        .max(300)
        .regex(/^[^/\\]+\.sqlite$/, 'must be the name of a backup, as listBackups gives it'),
    }),
  ),
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
  listSources: returns<SourceSummary[]>()(z.strictObject({ text: text(200).optional() })),
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
  createDossier: returns<{ id: number }>()(
    z.strictObject({ name: nonEmpty(200), description: text(5_000).default('') }),
  ),
  createCommitment: returns<{ id: number }>()(createCommitmentInput),
  recordStatusUpdate: returns<{ id: number }>()(recordStatusUpdateInput),
  loadSample: returns<{ dossierId: number; created: boolean }>()(z.strictObject({})),
  /** The briefing as HTML (sanitised, no script) for the report dialog's live preview; writes nothing. */
  previewReport: returns<ReportPreview>()(reportRequest.extend({ format: reportFormat.optional() })),
  /** Renders the report to a file's bytes (base64) for the app to save, and remembers it as sent. */
  renderReport: returns<RenderedReport>()(
    reportRequest.extend({
      format: reportFormat,
      /** Sanitised; left out: the template's name (or the title) and the day. */
      fileName: text(200).optional(),
    }),
  ),
  /** From history: statuses over time, each party's mean score over time, and the deadlines. */
  getTrends: returns<Trends>()(
    z.strictObject({
      scope: commitmentFilter.default({ dateField: 'due_on' }),
      interval: z.enum(['month', 'week']).default('month'),
    }),
  ),
  /** The scope's due dates as an iCalendar file (base64), one all-day event each, stable UIDs. */
  renderCalendar: returns<RenderedCalendar>()(
    z.strictObject({
      scope: commitmentFilter.default({ dateField: 'due_on' }),
      name: text(200).optional(),
      language: reportLanguage,
    }),
  ),
  /** Writes the scope as a static website into a folder (made if missing; one it published, updated). */
  publishTracker: returns<Published>()(
    z.strictObject({
      scope: commitmentFilter.default({ dateField: 'due_on' }),
      folder: nonEmpty(4_000),
      title: text(200).optional(),
      includeNotes: z.boolean().default(false),
      language: reportLanguage,
    }),
  ),
  /**
   * The compliance scorecard of a scope on a day (scope.asOf; today when left out): commitments by
   * parties, each cell the party's own status (else the commitment's) and its score, with the mean
   * and percentage per party, commitment and topic; with `compare`, an earlier day, what changed.
   */
  getScorecard: returns<Scorecard>()(
    z.strictObject({
      scope: commitmentFilter.default({ dateField: 'due_on' }),
      /** The earlier day to compare with (the interim assessment). */
      compare: isoDate.optional(),
      /** The page of rows to return; the figures always count the whole scope. */
      offset: z.int('must be a whole number').min(0, 'must be 0 or more').default(0),
      limit: z.int('must be a whole number').min(1, 'must be at least 1').max(100_000).default(1_000),
    }),
  ),
  /** The scorecard as a file (base64) in one of the report formats, for the app to save. */
  renderScorecard: returns<RenderedScorecard>()(
    z.strictObject({
      scope: commitmentFilter.default({ dateField: 'due_on' }),
      compare: isoDate.optional(),
      format: reportFormat,
      language: reportLanguage,
    }),
  ),
  /** One cell of the scorecard in full: the status update behind it, its note and its evidence. */
  getScorecardCell: returns<ScorecardCellDetail>()(
    z.strictObject({ commitmentId: id, partyId: id, asOf: isoDate.optional() }),
  ),
  listReportTemplates: returns<ReportTemplate[]>()(z.strictObject({})),
  /** Saving under an existing name, whatever its case, replaces that template. */
  saveReportTemplate: returns<ReportTemplate>()(
    z.strictObject({
      name: templateName,
      scope: commitmentFilter.default({ dateField: 'due_on' }),
      format: reportFormat,
    }),
  ),
  deleteReportTemplate: returns<{ name: string }>()(z.strictObject({ name: templateName })),
  /** The reports sent, newest first; of one template when named. */
  listReportSnapshots: returns<ReportSnapshotSummary[]>()(
    z.strictObject({
      template: templateName.optional(),
      limit: z.int().min(1, 'must be at least 1').max(500, 'must be at most 500').default(50),
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
  /** What importing a dropped file (.csv, .xlsx, .json) would change, or its errors by line and field; writes nothing. */
  planImportFile: returns<ImportPreview>()(importFile),
  /** Imports the file in one transaction, all or nothing; an error names its line and field. */
  applyImportFile: returns<ImportApplied>()(importFile),
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
  /**
   * Every dossier shared with a team, whether this app can keep a password typed into it, and a
   * revision that grows whenever changes from the team arrive (the UI reloads what it shows then).
   */
  teamStatus: returns<{ dossiers: TeamDossierStatus[]; keepsPasswords: boolean; revision: number }>()(
    z.strictObject({}),
  ),
  shareDossier: returns<TeamDossierStatus>()(teamLogin.extend({ dossierId: id })),
  joinDossier: returns<TeamDossierStatus>()(teamLogin.extend({ dossier: referenceName })),
  /** Sends this database's changes to the team and fetches the others': every shared dossier, or the one given. */
  syncTeam: returns<DossierSync[]>()(z.strictObject({ dossierId: id.optional() })),
  listConflicts: returns<FieldConflict[]>()(z.strictObject({ commitmentId: id })),
  resolveConflict: returns<{ commitmentId: number }>()(
    z.strictObject({ commitmentId: id, field: nonEmpty(40), choose: z.enum(['kept', 'other']) }),
  ),
  listTeamMembers: returns<MemberRow[]>()(teamLogin),
  saveTeamMember: returns<{ created: boolean }>()(
    teamLogin.extend({
      name: nonEmpty(63),
      write: z.boolean(),
      dossier: referenceName.optional(),
      memberPassword: z.string().min(8, 'must be at least 8 characters').max(200).optional(),
    }),
  ),
  removeTeamMember: returns<{ name: string }>()(teamLogin.extend({ name: nonEmpty(63) })),
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
} satisfies { [Name in OperationName]: Operation<z.ZodType, unknown> };

/** A file on this machine as a full path; the command line resolves what was typed against its folder. */
const fullPath = z
  .string()
  .max(4_000, 'must be at most 4000 characters')
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'must be a full path');

/**
 * The command line's own operations (see commandLineOperationNames): each acts on the database file
 * the command names (--db), which the command line does not open for it, since a damaged file or one
 * being replaced must not be opened for writing.
 */
export const commandLineContract = {
  /** SQLite's quick_check and the foreign key check, through a read-only connection: never writes. */
  checkDatabaseFile: returns<FileHealth>()(z.strictObject({})),
  /**
   * Puts a backup file in place of the database, after SQLite's checks pass on it; the file it replaces
   * is kept in the backups folder, and a backup from an older version is then migrated. The app closed.
   */
  restoreDatabaseFile: returns<{ restored: string; keptAs: string }>()(z.strictObject({ backup: fullPath })),
  /** A copy of the database with SQLite's online backup API, written under a temporary name and renamed. */
  backupDatabaseFile: returns<{ path: string }>()(z.strictObject({ out: fullPath })),
} satisfies { [Name in CommandLineOperationName]: Operation<z.ZodType, unknown> };

export type Contract = typeof contract;
export type CommandLineContract = typeof commandLineContract;
type Declared = Contract & CommandLineContract;
type DeclaredName = OperationName | CommandLineOperationName;
/** What a caller may send (defaults may be left out). */
export type InputOf<Name extends DeclaredName> = z.input<Declared[Name]['input']>;
/** What a handler receives, after parsing and defaults. */
export type ParsedInputOf<Name extends DeclaredName> = z.output<Declared[Name]['input']>;
export type OutputOf<Name extends DeclaredName> = NonNullable<Declared[Name]['output']>;

export interface ApiError {
  code:
    | 'invalid_input'
    | 'not_found'
    | 'conflict'
    | 'forbidden'
    | 'unavailable'
    | 'unknown_operation'
    | 'internal';
  message: string;
  /** For invalid input: which field and what is wrong with it. */
  issues?: { path: string; message: string }[];
}

export type ApiResult<Value> = { ok: true; value: Value } | { ok: false; error: ApiError };
