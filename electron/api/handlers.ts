// The handlers: one plain function over the database per operation of the contract.
import type { Database } from 'better-sqlite3';
import { getCommitment, insertCommitment, listCommitments } from '../../db/commitments.ts';
import { createDossier, listReference } from '../../db/reference.ts';
import { recordStatusUpdate } from '../../db/status-updates.ts';
import { loadSample } from '../ingest/sample.ts';
import type { OutputOf, ParsedInputOf } from './contract.ts';
import type { OperationName } from './operation-names.ts';

export type Handlers = {
  [Name in OperationName]: (db: Database, input: ParsedInputOf<Name>) => OutputOf<Name>;
};

export const handlers: Handlers = {
  listReference: (db) => listReference(db),
  listCommitments: (db, input) => listCommitments(db, input),
  getCommitment: (db, input) => getCommitment(db, input.id),
  createDossier: (db, input) => ({ id: createDossier(db, input.name, input.description) }),
  createCommitment: (db, input) => ({ id: insertCommitment(db, input) }),
  recordStatusUpdate: (db, input) => ({ id: recordStatusUpdate(db, input) }),
  loadSample: (db) => loadSample(db),
};
