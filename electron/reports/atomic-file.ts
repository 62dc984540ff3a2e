// Writing an export without ever leaving half a file: write beside the target, then rename over it.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A hidden name in the same folder, so the rename stays on one file system and is atomic. */
function temporaryPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
}

/** The file system refused the file (not the report): its message names the file, `cause` says why. */
export class FileWriteError extends Error {
  override readonly name = 'FileWriteError';
}

const refusals: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the disk is read-only',
  ENOENT: 'the folder does not exist or cannot hold files',
  ENOSPC: 'the disk is full',
};

/** The file system's refusal in words, without the name of the temporary file the write went through. */
function cannotWrite(file: string, error: unknown): FileWriteError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = (code && refusals[code]) ?? (error as Error).message;
  return new FileWriteError(`Cannot write ${file}: ${reason}. Nothing was written.`, { cause: error });
}

/** A file made in two steps: its temporary now, its content (then the rename) once it is ready. */
export interface ReservedFile {
  /** Writes the content and renames the temporary to the file. */
  fill(content: string | Uint8Array): void;
  /** Removes the temporary if it is still there (the content never came, or fill failed). */
  release(): void;
}

/**
 * Makes the empty temporary beside `file` now, so a folder that refuses files says so before any work
 * is done for it (the command line reserves its --out before the API renders what goes in it).
 */
export function reserveFile(file: string): ReservedFile {
  const temporary = temporaryPathFor(file);
  try {
    writeFileSync(temporary, '', { flag: 'wx' });
  } catch (error) {
    throw cannotWrite(file, error);
  }
  return {
    fill: (content) => {
      try {
        writeFileSync(temporary, content);
        renameSync(temporary, file);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw cannotWrite(file, error);
      }
    },
    release: () => rmSync(temporary, { force: true }),
  };
}

export function writeAtomically(file: string, content: string | Uint8Array): void {
  writeThroughTemporarySync(file, (temporary) => writeFileSync(temporary, content));
}

/** Lets `write` fill a temporary file, then renames it to `file`; on any error the temporary goes. */
export function writeThroughTemporarySync<T>(file: string, write: (temporary: string) => T): T {
  const temporary = temporaryPathFor(file);
  try {
    const result = write(temporary);
    renameSync(temporary, file);
    return result;
  } catch (error) {
    rmSync(temporary, { force: true });
    throw cannotWrite(file, error);
  }
}
