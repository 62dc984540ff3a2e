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
  'createCommitmentFromQuote',
  'attachEvidence',
  'dismissCandidate',
  'suggestCommitments',
  'listBackups',
  'restoreBackup',
  'previewReport',
  'renderReport',
  'listReportTemplates',
  'saveReportTemplate',
  'deleteReportTemplate',
  'listReportSnapshots',
  'planImportFile',
  'applyImportFile',
] as const;

export type OperationName = (typeof operationNames)[number];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && (operationNames as readonly string[]).includes(name);
}
