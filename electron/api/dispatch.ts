// The one entry point every transport calls: validate the input, run the handler, shape the result.
import type { Database } from 'better-sqlite3';
import { SqliteError } from 'better-sqlite3';
import type { z } from 'zod';
import { DomainError } from '../../db/errors.ts';
import { ZoteroError } from '../citations/zotero-error.ts';
import { FileWriteError } from '../reports/atomic-file.ts';
import { TeamError, type TeamErrorCode } from '../team/team-error.ts';
import { contract, type ApiError, type ApiResult } from './contract.ts';
import { handlers } from './handlers.ts';
import { isOperationName, type CommandLineOperationName, type OperationName } from './operation-names.ts';

export function callOperation(db: Database, name: unknown, input: unknown): ApiResult<unknown> {
  if (!isOperationName(name)) {
    return fail({
      code: 'unknown_operation',
      message: `There is no operation named ${JSON.stringify(name)}.`,
    });
  }
  const parsed = contract[name].input.safeParse(input ?? {});
  if (!parsed.success) return fail(invalidInput(name, parsed.error));
  if (finishesLater.has(name)) {
    return fail({ code: 'internal', message: `${name} finishes later: call it through callOperationAsync.` });
  }
  try {
    const handler = handlers[name] as (db: Database, input: unknown) => unknown;
    return { ok: true, value: handler(db, parsed.data) };
  } catch (error) {
    return fail(describeFailure(name, error));
  }
}

/** Operations whose handlers return a promise: their code loads on first use, and some render or read files. */
const finishesLater: ReadonlySet<OperationName> = new Set([
  'readSource',
  'previewReport',
  'renderReport',
  'renderCalendar',
  'publishTracker',
  'renderScorecard',
  'takeBackup',
  'draftSource',
  'extractPledges',
  'planImportFile',
  'applyImportFile',
  'importCitations',
  'listZoteroCollections',
  'importFromZotero',
  'renderEvidence',
  'shareDossier',
  'joinDossier',
  'syncTeam',
  'listTeamMembers',
  'saveTeamMember',
  'removeTeamMember',
  'checkFeeds',
  'listInbox',
]);

/** What the transports (IPC, HTTP) call: the same as callOperation, and it waits for the handlers that finish later. */
export async function callOperationAsync(
  db: Database,
  name: unknown,
  input: unknown,
): Promise<ApiResult<unknown>> {
  if (!isOperationName(name) || !finishesLater.has(name)) return callOperation(db, name, input);
  const parsed = contract[name].input.safeParse(input ?? {});
  if (!parsed.success) return fail(invalidInput(name, parsed.error));
  try {
    const handler = handlers[name] as (db: Database, input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(db, parsed.data) };
  } catch (error) {
    return fail(describeFailure(name, error));
  }
}

function fail(error: ApiError): ApiResult<never> {
  return { ok: false, error };
}

export function invalidInput(name: OperationName | CommandLineOperationName, error: z.ZodError): ApiError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message:
      issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
  return {
    code: 'invalid_input',
    message: `${name}: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`,
    issues,
  };
}

export function describeFailure(name: OperationName | CommandLineOperationName, error: unknown): ApiError {
  if (error instanceof DomainError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.path ? { issues: [{ path: error.path, message: error.message }] } : {}),
    };
  }
  if (error instanceof FileWriteError) return { code: 'internal', message: error.message };
  if (error instanceof TeamError) return { code: teamCodes[error.code], message: error.message };
  if (error instanceof ZoteroError) return { code: error.code, message: error.message };
  const teamRule =
    error instanceof SqliteError ? teamRules.find(([raised]) => error.message === raised) : undefined;
  if (teamRule) return { code: teamRule[1], message: teamRule[2] };
  if (error instanceof SqliteError && error.code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'conflict', message: `${name}: the database refused the change (${error.message}).` };
  }
  console.error(`Pledgewatch: ${name} failed`, error);
  return {
    code: 'internal',
    message: `${name} failed unexpectedly: ${(error as Error).message ?? String(error)}`,
  };
}

const teamCodes: Record<TeamErrorCode, ApiError['code']> = {
  server_unreachable: 'unavailable',
  refused_login: 'forbidden',
  not_permitted: 'forbidden',
  not_set_up: 'conflict',
  schema_too_new: 'conflict',
  invalid_input: 'invalid_input',
  not_found: 'not_found',
};

/** What the team triggers of migration 007 raise, in the analyst's words. */
export const teamRules: [raised: string, code: ApiError['code'], message: string][] = [
  [
    'pledgewatch: read-only team dossier',
    'forbidden',
    'This dossier is shared with you read-only: ask the team’s admin for write access to change it.',
  ],
  [
    'pledgewatch: team commitment cannot move',
    'conflict',
    'A commitment of a team dossier stays in it: it cannot move to or from another dossier.',
  ],
];
