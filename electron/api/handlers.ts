// The handlers: one plain function over the database per operation of the contract.
import type { Database } from 'better-sqlite3';
import { backupsOf, takeManualBackup } from '../../db/backups.ts';
import { DomainError } from '../../db/errors.ts';
import { getCommitment, listCommitments } from '../../db/commitments.ts';
import { getDashboard } from '../../db/dashboard.ts';
import { attachEvidence, createCommitmentFromQuote } from '../../db/evidence.ts';
import { updateCommitment } from '../../db/edits.ts';
import { listExcerpts } from '../../db/excerpts.ts';
import {
  createDossier,
  deleteReference,
  listReference,
  referenceUsage,
  saveDossier,
  saveParty,
  saveStatus,
  saveTopic,
} from '../../db/reference.ts';
import { restoreBackup } from '../../db/restore.ts';
import { listReportSnapshots } from '../../db/report-snapshots.ts';
import { trendsOf } from '../reports/trends.ts';
import { keptUntilDataChanges } from '../../db/kept.ts';
import { asOfDay } from '../../db/as-of.ts';
import { deleteReportTemplate, listReportTemplates, saveReportTemplate } from '../../db/report-templates.ts';
import { getSettings, saveSettings, startSession } from '../../db/settings.ts';
import { updateSourceDetails } from '../../db/source-details.ts';
import { addFeed, inboxCounts, listFeeds, markInboxItem, removeFeed } from '../../db/feeds.ts';
import { addSource, dismissCandidate, listSources, similarCommitments } from '../../db/sources.ts';
import { bulkRecordStatus, recordStatusUpdate } from '../../db/status-updates.ts';
import { deleteCommitment, listTrash, restoreCommitment } from '../../db/trash.ts';
import { undoLastAction } from '../../db/undo.ts';
import { deleteView, listSavedViews, saveView } from '../../db/views.ts';
import { detectLanguage } from '../ingest/extract/language.ts';
import { knownVocabulary } from '../ingest/known-vocabulary.ts';
import { loadSample } from '../ingest/sample.ts';
import { inLanguage } from '../reports/language.ts';
import { buildScorecard, scorecardPage } from '../reports/scorecard.ts';
import { scorecardCell } from '../reports/scorecard-cell.ts';
import { listConflicts, resolveConflict } from '../team/conflicts.ts';
import { keepsPasswords } from '../team/passwords.ts';
import { teamRevision, teamStatus } from '../team/share.ts';
import type { OutputOf, ParsedInputOf } from './contract.ts';
import type { OperationName } from './operation-names.ts';
import { insertCommitment } from '../../db/commitment-add.ts';

/** A handler may finish later (rendering a report): transports call callOperationAsync. */
export type Handlers = {
  [Name in OperationName]: (
    db: Database,
    input: ParsedInputOf<Name>,
  ) => OutputOf<Name> | Promise<OutputOf<Name>>;
};

// Loaded on first use: the readers of sources (chrono-node), spreadsheets (exceljs) and the report
// renderers are most of the code, and browser mode and the app start without waiting for them.
const reports = () => import('../reports/export.ts');
const imports = () => import('../ingest/import-api.ts');
// The feeds' fetching, feedsmith and Readability load when feeds are first checked or the inbox read.
const feeds = () => import('../feeds/check.ts');
// citation-js and citeproc load with the first citation file or evidence export.
const citations = () => import('../citations/citation-operations.ts');
// The team's code and node-postgres load when a dossier is first shared or synced.
const team = () => import('../team/operations.ts');

export const handlers: Handlers = {
  listReference: (db) => listReference(db),
  listCommitments: (db, input) => listCommitments(db, input),
  getCommitment: (db, input) => getCommitment(db, input.id, input.asOf),
  createDossier: (db, input) => ({ id: createDossier(db, input.name, input.description) }),
  createCommitment: (db, input) => ({ id: insertCommitment(db, input) }),
  recordStatusUpdate: (db, input) => ({ id: recordStatusUpdate(db, input) }),
  loadSample: (db) => loadSample(db),
  getDashboard: (db, input) => getDashboard(db, input),
  startSession: (db) => startSession(db),
  updateCommitment: (db, input) => ({ id: updateCommitment(db, input) }),
  deleteCommitment: (db, input) => ({ id: deleteCommitment(db, input.id) }),
  restoreCommitment: (db, input) => ({ id: restoreCommitment(db, input.id) }),
  listTrash: (db) => listTrash(db),
  undo: (db) => ({ undone: undoLastAction(db) }),
  bulkRecordStatus: (db, input) => ({ ids: bulkRecordStatus(db, input) }),
  listExcerpts: (db, input) => listExcerpts(db, input),
  saveDossier: (db, input) => ({ id: saveDossier(db, input) }),
  saveParty: (db, input) => ({ id: saveParty(db, input) }),
  saveTopic: (db, input) => ({ id: saveTopic(db, input) }),
  saveStatus: (db, input) => ({ id: saveStatus(db, input) }),
  referenceUsage: (db, input) => referenceUsage(db, input.kind, input.id),
  deleteReference: (db, input) => ({ id: deleteReference(db, input.kind, input.id) }),
  listSavedViews: (db) => listSavedViews(db),
  saveView: (db, input) => saveView(db, input),
  deleteView: (db, input) => ({ name: deleteView(db, input.name) }),
  getSettings: (db) => getSettings(db),
  saveSettings: (db, input) => saveSettings(db, input),
  addSource: (db, { onDuplicate, language, ...draft }) =>
    addSource(db, { ...draft, language: language ?? detectLanguage(draft.fullText) }, onDuplicate),
  listSources: (db, input) => listSources(db, input.text, input),
  readSource: async (db, input) => (await import('../ingest/reader.ts')).readSource(db, input.id),
  updateSource: (db, { id, ...changes }) => ({ id, changed: updateSourceDetails(db, id, changes) }),
  createCommitmentFromQuote: (db, input) => createCommitmentFromQuote(db, input.quote, input.commitment),
  attachEvidence: (db, input) => attachEvidence(db, input.quote, input.commitmentId, input.update),
  dismissCandidate: (db, input) => {
    dismissCandidate(db, input.sourceId, input.start, input.end);
    return { sourceId: input.sourceId };
  },
  suggestCommitments: (db, { text, ...hints }) => similarCommitments(db, text, hints),
  listBackups: (db) => backupsOf(db),
  takeBackup: (db) => takeManualBackup(db),
  restoreBackup: (db, input) => restoreBackup(db, input.name),
  // A report's words in the language asked for (the app's): see electron/reports/language.ts.
  previewReport: (db, { language, ...input }) =>
    inLanguage(language, async () => (await reports()).previewReport(db, input)),
  renderReport: (db, { language, ...input }) =>
    inLanguage(language, async () => (await reports()).renderReportForApi(db, input)),
  getTrends: (db, input) => trendsOf(db, input.scope, input.interval),
  renderCalendar: (db, { language, ...input }) =>
    inLanguage(language, async () =>
      (await import('../reports/calendar.ts')).renderCalendarForApi(db, input),
    ),
  publishTracker: (db, { scope, language, ...request }) =>
    inLanguage(language, async () =>
      (await import('../publish/publish.ts')).publishTracker(db, { ...request, scope }),
    ),
  // Today's scorecard counts its figures from the kept statuses and reads just the page asked for; as
  // of a day it walks the history, kept until the data changes so "Show more" pages without a new walk.
  getScorecard: (db, { offset, limit, ...request }) => {
    const key = `scorecard|${asOfDay(request.scope.asOf)}|${JSON.stringify(request)}`;
    if (request.scope.asOf === undefined && request.compare === undefined)
      return keptUntilDataChanges(db, `${key}|${offset}|${limit}`, () =>
        buildScorecard(db, request, { page: { offset, limit } }),
      );
    return scorecardPage(
      keptUntilDataChanges(db, key, () => buildScorecard(db, request)),
      offset,
      limit,
    );
  },
  getScorecardCell: (db, input) => scorecardCell(db, input),
  renderScorecard: (db, { format, language, ...request }) =>
    inLanguage(language, async () =>
      (await import('../reports/scorecard-export.ts')).renderScorecardForApi(db, request, format),
    ),
  listReportTemplates: (db) => listReportTemplates(db),
  saveReportTemplate: (db, input) => saveReportTemplate(db, input),
  deleteReportTemplate: (db, input) => ({ name: deleteReportTemplate(db, input.name) }),
  listReportSnapshots: (db, input) => listReportSnapshots(db, input),
  draftSource: async (db, { name, contentBase64 }) =>
    (await import('../ingest/source-draft-api.ts')).draftSource(name, contentBase64),
  // On a thread of its own, as the reader's: a long text never holds up the window or the server.
  extractPledges: async (db, { text, date }) =>
    (await import('../ingest/extract/extract-thread.ts')).extractOffThread(text, {
      vocabulary: knownVocabulary(db),
      given: date ?? null,
    }),
  planImportFile: async (db, input) => (await imports()).planImportFile(db, input),
  applyImportFile: async (db, input) => (await imports()).applyImportFile(db, input),
  importCitations: async (db, input) => (await citations()).importCitationFile(db, input),
  listZoteroCollections: async (db) => (await citations()).zoteroCollections(db),
  importFromZotero: async (db, input) => (await citations()).importFromZotero(db, input),
  renderEvidence: async (db, input) => (await citations()).renderEvidence(db, input),
  teamStatus: (db) => ({
    dossiers: teamStatus(db),
    keepsPasswords: keepsPasswords(),
    revision: teamRevision(db),
  }),
  shareDossier: async (db, { dossierId, ...login }) =>
    (await team()).shareDossierOn(db, dossierName(db, dossierId), login),
  joinDossier: async (db, { dossier, ...login }) => (await team()).joinDossierOn(db, dossier, login),
  syncTeam: async (db, { dossierId }) =>
    (await team()).syncLinks(db, dossierId === undefined ? {} : { dossierIds: [dossierId] }),
  listConflicts: (db, input) => listConflicts(db, input.commitmentId),
  resolveConflict: (db, input) => {
    resolveConflict(db, input.commitmentId, input.field, input.choose);
    return { commitmentId: input.commitmentId };
  },
  listTeamMembers: async (db, login) => (await team()).membersOf(login),
  saveTeamMember: async (db, { server, password, memberPassword, ...member }) => {
    const saved = await (
      await team()
    ).saveMember({ server, password }, { ...member, password: memberPassword });
    return { created: saved.created };
  },
  removeTeamMember: async (db, { name, ...login }) => {
    await (await team()).dropMember(login, name);
    return { name };
  },
  listFeeds: (db) => listFeeds(db).map(({ etag: _etag, lastModified: _lastModified, ...feed }) => feed),
  addFeed: (db, input) => addFeed(db, input.url, input.everyMinutes),
  removeFeed: (db, input) => removeFeed(db, input.url),
  checkFeeds: async (db, input) => (await feeds()).checkFeeds(db, input.url),
  listInbox: async (db, input) =>
    (await import('../feeds/inbox.ts')).listInbox(db, input.limit, input.offset),
  countInbox: (db) => inboxCounts(db),
  markInboxItem: (db, { sourceId, ...changes }) => {
    markInboxItem(db, sourceId, changes, new Date().toISOString());
    return { sourceId };
  },
};

function dossierName(db: Database, id: number): string {
  const dossier = db.prepare('SELECT name FROM dossier WHERE id = ?').get(id) as { name: string } | undefined;
  if (!dossier) throw new DomainError('not_found', `No dossier has id ${id}.`, 'dossierId');
  return dossier.name;
}
