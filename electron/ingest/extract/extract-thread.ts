// Extraction on a worker thread of its own, so a long text (a 20-page PDF) never holds up the process
// that serves the window; on this thread when a worker cannot start (the bundled desktop app).
import { Worker } from 'node:worker_threads';
import { extract, type ExtractOptions, type Extraction } from './extract.ts';

let worker: Worker | null = null;
let unavailable = false;
let nextId = 0;
const waiting = new Map<
  number,
  { resolve: (value: Extraction) => void; text: string; options: ExtractOptions }
>();

function settleHere(): void {
  // The worker is gone: what it had not answered is done here, so no caller waits forever.
  for (const [id, job] of waiting) {
    waiting.delete(id);
    job.resolve(extract(job.text, job.options));
  }
}

function start(): Worker {
  // Beside the sources it is extract-worker.ts; in the desktop app's bundle, extract-worker.cjs.
  const bundled = import.meta.url.endsWith('.cjs');
  const thread = new Worker(
    new URL(bundled ? './extract-worker.cjs' : './extract-worker.ts', import.meta.url),
  );
  thread.on('message', ({ id, extraction }: { id: number; extraction: Extraction }) => {
    const job = waiting.get(id);
    waiting.delete(id);
    if (waiting.size === 0) thread.unref();
    job?.resolve(extraction);
  });
  thread.on('error', () => {
    unavailable = true;
    worker = null;
    settleHere();
  });
  thread.on('exit', () => {
    worker = null;
    settleHere();
  });
  // Held open only while it has work: idle, it never keeps a command-line process (`inbox`) alive.
  // After the listeners, since adding a 'message' listener refs the worker's port again.
  thread.unref();
  return thread;
}

/** Whether extraction runs on the worker thread (false before the first call and where none can start). */
export function onWorkerThread(): boolean {
  return worker !== null && !unavailable;
}

export function extractOffThread(text: string, options: ExtractOptions): Promise<Extraction> {
  if (unavailable) return Promise.resolve(extract(text, options));
  try {
    worker ??= start();
  } catch {
    unavailable = true;
    return Promise.resolve(extract(text, options));
  }
  const id = (nextId += 1);
  return new Promise((resolve) => {
    waiting.set(id, { resolve, text, options });
    worker!.ref();
    worker!.postMessage({ id, text, options });
  });
}
