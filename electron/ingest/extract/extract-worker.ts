// The worker thread of extract-thread.ts: extracts each text it is sent and posts the result back.
import { parentPort } from 'node:worker_threads';
import { extract, type ExtractOptions } from './extract.ts';

parentPort?.on('message', ({ id, text, options }: { id: number; text: string; options: ExtractOptions }) => {
  parentPort?.postMessage({ id, extraction: extract(text, options) });
});
