// --out FILE: checked the same way for every command that writes one, and written whole: the bytes an
// API operation returns go through a temporary file beside it, made before the operation runs.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { reserveFile } from '../reports/atomic-file.ts';
import { safeFileName } from '../reports/file-names.ts';
import type { CliValues } from './cli.ts';
import { UsageError } from './usage-error.ts';

/**
 * The file to write: the folder as typed, which must exist and take files; the name made safe for
 * any system the file may be sent to (no control characters, no reserved device names).
 */
export function outputFile(values: CliValues, extension: string, command = 'report'): string {
  if (!values.out) throw new UsageError(`${command} needs --out FILE.`);
  const wanted = resolve(values.out);
  const folder = dirname(wanted);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UsageError(`--out: the folder ${folder} does not exist.`);
  }
  if (existsSync(wanted) && statSync(wanted).isDirectory()) {
    throw new UsageError(`--out: ${wanted} is a folder; give the name of the file to write.`);
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UsageError(`--out: the folder ${folder} does not let you write in it.`);
  }
  return join(folder, safeFileName(basename(wanted), extension));
}

/**
 * Runs the operation that makes a file (its bytes in base64, as every transport carries them) and
 * writes them to `file` atomically. The temporary beside it is made first, so a folder that refuses
 * files refuses before the operation runs: a report is then never remembered as sent.
 */
export async function writeOut<Made extends { base64: string }>(
  file: string,
  make: () => Promise<Made>,
): Promise<Made> {
  const reserved = reserveFile(file);
  try {
    const made = await make();
    reserved.fill(Buffer.from(made.base64, 'base64'));
    return made;
  } finally {
    reserved.release();
  }
}
