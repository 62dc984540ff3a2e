// The worker thread of db/start-check-thread.ts: checks the database file and posts the message (or null).
import { parentPort, workerData } from 'node:worker_threads';
import { damagedDatabaseMessage } from './start-check.ts';

const { file, commandLine } = workerData as { file: string; commandLine: boolean };
parentPort?.postMessage(damagedDatabaseMessage(file, commandLine));
