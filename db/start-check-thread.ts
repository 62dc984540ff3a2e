// The start-up check on threads of their own, so browser mode loads its code while SQLite reads the
// file: quick_check on one thread and the foreign key check on another, side by side (each reads the
// whole file; one after the other they took most of the start at 100,000 commitments).
import { existsSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { everyCheck, type HealthCheck } from './health.ts';
import { damagedDatabaseMessage, messageOfProblems } from './start-check.ts';

function problemsOnThread(file: string, checks: HealthCheck[]): Promise<string[]> {
  return new Promise<string[]>((resolve, reject) => {
    const worker = new Worker(new URL('./start-check-worker.ts', import.meta.url), {
      workerData: { file, checks },
    });
    worker.once('message', (problems: string[]) => resolve(problems));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the check stopped with exit code ${code}`)));
  });
}

/** damagedDatabaseMessage, its checks run on worker threads; on this thread if a worker cannot start. */
export async function checkInBackground(file: string, commandLine = true): Promise<string | null> {
  if (!existsSync(file) || statSync(file).size === 0) return null;
  try {
    const found = await Promise.all(everyCheck.map((check) => problemsOnThread(file, [check])));
    // A file that is no database at all is said so by both checks: once is enough.
    return messageOfProblems(file, [...new Set(found.flat())], commandLine);
  } catch {
    return damagedDatabaseMessage(file, commandLine);
  }
}
