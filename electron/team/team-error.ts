// What went wrong with the team database, in one sentence for the analyst and a code for the program.
export type TeamErrorCode =
  | 'server_unreachable'
  | 'refused_login'
  | 'not_permitted'
  | 'not_set_up'
  | 'schema_too_new'
  | 'invalid_input'
  | 'not_found';

export class TeamError extends Error {
  override name = 'TeamError';
  readonly code: TeamErrorCode;

  constructor(code: TeamErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}
