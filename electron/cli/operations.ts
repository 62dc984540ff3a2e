// The command line's one door to the data: every command that reads or writes it calls an operation of
// the API contract through these, so it validates, refuses and fails as the app does, in the same words.
import type { Database } from '../../db/open.ts';
import { callCommandLineOperation } from '../api/command-line-dispatch.ts';
import type { ApiError, ApiResult, InputOf, OutputOf } from '../api/contract.ts';
import { callOperationAsync } from '../api/dispatch.ts';
import type { CommandLineOperationName, OperationName } from '../api/operation-names.ts';

/** The flag each input field comes from (`{ out: '--out' }`), so a refusal names what was typed. */
export type Flags = Readonly<Record<string, string>>;

/** An operation that refused or failed: the API's error, and the sentence the command line prints. */
export class OperationFailed extends Error {
  override name = 'OperationFailed';
  readonly error: ApiError;

  constructor(operation: string, error: ApiError, flags: Flags = {}) {
    super(sentenceOf(operation, error, flags));
    this.error = error;
  }
}

/**
 * The contract's schema words each issue as a fragment after the operation's name ("renderCalendar:
 * name must be at most 200 characters", see invalidInput in dispatch.ts): said of the flag when each
 * field has one ("--title must be at most 200 characters"). A handler's refusal is a whole sentence.
 */
function sentenceOf(operation: string, error: ApiError, flags: Flags): string {
  const issues = error.issues ?? [];
  const fromSchema = error.code === 'invalid_input' && error.message.startsWith(`${operation}: `);
  if (!fromSchema || issues.length === 0 || !issues.every((issue) => issue.path in flags)) {
    return error.message;
  }
  return issues.map((issue) => `${flags[issue.path]} ${issue.message}`).join('; ');
}

function valueOf<Value>(operation: string, result: ApiResult<unknown>, flags: Flags): Value {
  if (!result.ok) throw new OperationFailed(operation, result.error, flags);
  return result.value as Value;
}

/** An operation over the open database, as the window and browser mode call it. */
export async function call<Name extends OperationName>(
  db: Database,
  name: Name,
  input: InputOf<Name>,
  flags: Flags = {},
): Promise<OutputOf<Name>> {
  return valueOf(name, await callOperationAsync(db, name, input), flags);
}

/** One of the command line's own operations, over the database file itself (see operation-names.ts). */
export async function callOnFile<Name extends CommandLineOperationName>(
  file: string,
  name: Name,
  input: InputOf<Name>,
  flags: Flags = {},
): Promise<OutputOf<Name>> {
  return valueOf(name, await callCommandLineOperation(file, name, input), flags);
}
