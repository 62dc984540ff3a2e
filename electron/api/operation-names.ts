// The names of every API operation: the one list the preload and the transports are built from.
// Kept apart from contract.ts so the sandboxed preload does not bundle zod.
export const operationNames = [
  'listReference',
  'listCommitments',
  'getCommitment',
  'createDossier',
  'createCommitment',
  'recordStatusUpdate',
  'loadSample',
  'getDashboard',
  'startSession',
  'updateCommitment',
  'deleteCommitment',
  'restoreCommitment',
  'listTrash',
  'undo',
  'bulkRecordStatus',
  'listExcerpts',
  'saveDossier',
  'saveParty',
  'saveTopic',
  'saveStatus',
  'referenceUsage',
  'deleteReference',
  'listSavedViews',
  'saveView',
  'deleteView',
  'getSettings',
  'saveSettings',
  'addSource',
  'listSources',
  'readSource',
  'updateSource',
  'createCommitmentFromQuote',
  'attachEvidence',
  'dismissCandidate',
  'suggestCommitments',
  'listBackups',
  'takeBackup',
  'restoreBackup',
  'previewReport',
  'renderReport',
  'getTrends',
  'renderCalendar',
  'publishTracker',
  'getScorecard',
  'getScorecardCell',
  'renderScorecard',
  'listReportTemplates',
  'saveReportTemplate',
  'deleteReportTemplate',
  'listReportSnapshots',
  'draftSource',
  'extractPledges',
  'planImportFile',
  'applyImportFile',
  'importCitations',
  'listZoteroCollections',
  'importFromZotero',
  'renderEvidence',
  'teamStatus',
  'shareDossier',
  'joinDossier',
  'syncTeam',
  'listConflicts',
  'resolveConflict',
  'listTeamMembers',
  'saveTeamMember',
  'removeTeamMember',
  'listFeeds',
  'addFeed',
  'removeFeed',
  'checkFeeds',
  'listInbox',
  'countInbox',
  'markInboxItem',
] as const;

export type OperationName = (typeof operationNames)[number];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && (operationNames as readonly string[]).includes(name);
}

/**
 * The command line's own operations: they act on the database file itself and on files the analyst
 * names on this machine's disk (a backup to restore, where to write a copy). Declared and validated
 * in the contract like the rest, and run through callCommandLineOperation, which no transport imports:
 * the window (IPC) and the browser page (HTTP) never name a path to read or write.
 */
export const commandLineOperationNames = [
  'checkDatabaseFile',
  'restoreDatabaseFile',
  'backupDatabaseFile',
] as const;

export type CommandLineOperationName = (typeof commandLineOperationNames)[number];

export function isCommandLineOperationName(name: unknown): name is CommandLineOperationName {
  return typeof name === 'string' && (commandLineOperationNames as readonly string[]).includes(name);
}
