// The start-up check on a thread of its own, so browser mode loads its code while SQLite reads the file.
import { Worker } from 'node:worker_threads';
import { damagedDatabaseMessage } from './start-check.ts';

/** damagedDatabaseMessage, run on a worker thread; on this thread if a worker cannot start. */
export function checkInBackground(file: string, commandLine = true): Promise<string | null> {
  return new Promise<string | null>((resolve, reject) => {
    const worker = new Worker(new URL('./start-check-worker.ts', import.meta.url), {
      workerData: { file, commandLine },
    });
    worker.once('message', (message: string | null) => resolve(message));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the check stopped with exit code ${code}`)));
  }).catch(() => damagedDatabaseMessage(file, commandLine));
}
