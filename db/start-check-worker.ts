// A worker thread of db/start-check-thread.ts: runs some of SQLite's checks on the file and posts the
// problems found (none when it is whole). Only the checker is loaded, so the thread starts quickly.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, type HealthCheck } from './health.ts';

const { file, checks } = workerData as { file: string; checks: HealthCheck[] };
parentPort?.postMessage(checkFile(file, checks).problems);
