// The API contract: each operation's name, input schema and output type, declared once.
// The IPC, HTTP and CLI adapters and the renderer's client are all derived from this list; the
// operations on sources are declared in contract-sources.ts, the schemas they share in schemas.ts.
import { z } from 'zod';
import type { CommandLineOperationName, OperationName } from './operation-names.ts';
import { sourceOperations } from './contract-sources.ts';
import type { Operation } from './schemas.ts';
import type {
  Backup,
  CommitmentDetail,
  CommitmentPage,
  Dashboard,
  ExcerptChoice,
  ReferenceData,
  SavedView,
  Settings,
  TrashedCommitment,
  Usage,
} from '../domain/model.ts';
import type { ReportSnapshotSummary } from '../../db/report-snapshots.ts';
import type { RenderedReport, ReportPreview } from '../reports/export.ts';
import type { RenderedCalendar } from '../reports/calendar.ts';
import type { Trends } from '../reports/trends.ts';
import type { Published } from '../publish/publish.ts';
import type { Scorecard } from '../reports/scorecard.ts';
import type { RenderedScorecard } from '../reports/scorecard-export.ts';
import type { ScorecardCellDetail } from '../reports/scorecard-cell.ts';
import type { ImportApplied, ImportPreview } from '../ingest/import-api.ts';
import type { FieldConflict } from '../team/conflicts.ts';
import type { MemberRow } from '../team/members.ts';
import type { DossierSync } from '../team/operations.ts';
import type { TeamDossierStatus } from '../team/share.ts';
import type { FileHealth } from '../../db/health.ts';
import type { ReportTemplate } from '../../db/report-templates.ts';
import {
  returns,
  id,
  isoDate,
  text,
  nonEmpty,
  citationStyle,
  commitmentFilter,
  listCommitmentsInput,
  createCommitmentInput,
  recordStatusUpdateInput,
  referenceName,
  colour,
  updateCommitmentInput,
  reportFormat,
  templateName,
  reportLanguage,
  reportRequest,
  importFile,
  teamLogin,
} from './schemas.ts';

/** What the transports, the command line and the renderer read of the shared schemas. */
export {
  isoDate,
  commitmentKind,
  sortColumns,
  deadlineState,
  statusCategory,
  citationStyle,
  evidenceFormat,
  commitmentFilter,
  listCommitmentsInput,
  deadlineInput,
  createCommitmentInput,
  recordStatusUpdateInput,
  updateCommitmentInput,
  quoteSpan,
  reportFormat,
  reportLanguage,
  reportRequest,
  sourceFileTypes,
} from './schemas.ts';
export type { Operation } from './schemas.ts';

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
  /** What importing a dropped file (.csv, .xlsx, .json) would change, or its errors by line and field; writes nothing. */
  planImportFile: returns<ImportPreview>()(importFile),
  /** Imports the file in one transaction, all or nothing; an error names its line and field. */
  applyImportFile: returns<ImportApplied>()(importFile),
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
  ...sourceOperations,
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
