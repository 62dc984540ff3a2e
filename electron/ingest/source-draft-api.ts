// The API's draftSource: a file's bytes read as a source draft, its failures said as bad input naming
// the file (the bytes are the caller's: a PDF with no text layer, a file that is not what its name says).
import { DomainError } from '../../db/errors.ts';
import { draftFromFile, type DraftedSource } from './source-drafts.ts';

export async function draftSource(name: string, contentBase64: string): Promise<DraftedSource> {
  try {
    return await draftFromFile(name, new Uint8Array(Buffer.from(contentBase64, 'base64')));
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    throw new DomainError(
      'invalid_input',
      message.startsWith(name) ? message : `${name}: ${message}`,
      'contentBase64',
    );
  }
}
