// Turns an API refusal into messages by form field, so each shows next to the field it concerns.
import { ApiCallError } from './api.ts';

export type FieldErrors = Record<string, string>;

/** Issues keyed by the first segment of their path ("deadline.on" → "deadline"); the rest under "form". */
export function fieldErrors(failure: unknown, fields: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  if (failure instanceof ApiCallError && failure.issues.length > 0) {
    for (const issue of failure.issues) {
      const field = issue.path.split('.')[0] ?? '';
      const key = fields.includes(field) ? field : 'form';
      errors[key] ??= key === 'form' && field ? `${issue.path}: ${issue.message}` : issue.message;
    }
    return errors;
  }
  return { form: (failure as Error).message };
}
