// Reads a file to import by its extension: .csv, .xlsx or .json, with the columns the exports use.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { ImportError } from '../../../db/import-plan.ts';
import { readCsv } from './csv-reader.ts';
import type { ImportDocument } from './document.ts';
import { readJson } from './json-reader.ts';
import { readXlsx } from './xlsx-reader.ts';

export const importFileTypes = ['.csv', '.xlsx', '.json'];

export function isImportFile(file: string): boolean {
  return importFileTypes.includes(extname(file).toLowerCase());
}

/** The file's bytes as an import; `name` gives the type and is how messages name the file. */
export async function readImport(name: string, bytes: Uint8Array): Promise<ImportDocument> {
  const type = extname(name).toLowerCase();
  const text = () => new TextDecoder('utf-8').decode(bytes);
  if (type === '.csv') return readCsv(text(), name);
  if (type === '.json') return readJson(text(), name);
  if (type === '.xlsx') return readXlsx(bytes, name);
  throw new ImportError([
    {
      line: 1,
      sheet: null,
      field: null,
      message: `${basename(name)} is not a file Pledgewatch imports commitments from (${importFileTypes.join(', ')}).`,
    },
  ]);
}

export async function readImportFile(file: string): Promise<ImportDocument> {
  return readImport(file, await readFile(file));
}
