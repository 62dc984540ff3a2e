// Errors the queries raise for the analyst to read: what is wrong and where.

export type DomainErrorCode = 'not_found' | 'conflict' | 'invalid_input';

export class DomainError extends Error {
  override name = 'DomainError';
  readonly code: DomainErrorCode;
  readonly path: string | undefined;

  constructor(code: DomainErrorCode, message: string, path?: string) {
    super(message);
    this.code = code;
    this.path = path;
  }
}
