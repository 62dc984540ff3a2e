// Browser mode as the analyst runs it: start to ready, a page of 50 through HTTP, the UI in Chromium, and
// memory at size.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { time, type Figure } from './measure.ts';
import { uiFigures } from './ui-figures.ts';

const webMain = join(import.meta.dirname, '..', 'web', 'main.ts');

export interface RunningServer {
  url: URL;
  token: string;
  pid: number;
  stop: () => void;
  readyMs: number;
}

function startServer(file: string): Promise<RunningServer> {
  const started = performance.now();
  const child = spawn(process.execPath, [webMain, '--db', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((done, fail) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      const ready = /Pledgewatch ready: (\S+)/.exec(output);
      if (ready) {
        const url = new URL(ready[1]!);
        done({
          url,
          token: url.searchParams.get('token') ?? '',
          pid: child.pid!,
          stop: () => child.kill('SIGTERM'),
          readyMs: performance.now() - started,
        });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('exit', (code) => fail(new Error(`browser mode exited with ${code}: ${output}`)));
  });
}

function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

export async function serverFigures(file: string, size: string): Promise<Figure[]> {
  const starts: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const server = await startServer(file);
    starts.push(server.readyMs);
    server.stop();
  }
  starts.sort((a, b) => a - b);
  const server = await startServer(file);
  try {
    const { token } = server;
    const call = async () => {
      const response = await fetch(new URL('/api/listCommitments', server.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Pledgewatch-Token': token },
        body: JSON.stringify({ statusCategory: 'open', sort: 'due_on', limit: 50 }),
      });
      if (!response.ok) throw new Error(`listCommitments answered ${response.status}`);
      return response.json();
    };
    const page = await time(call, 300, 10);
    await time(
      () =>
        fetch(new URL('/api/getDashboard', server.url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Pledgewatch-Token': token },
          body: '{}',
        }),
      5,
      1,
    );
    const ui = await uiFigures(server, size);
    // After the UI has listed, filtered and searched the whole database.
    const rss = residentMegabytes(server.pid);
    return [
      ...ui,
      {
        figure: 'page of 50 through HTTP',
        size,
        ...page,
        floor: null,
        target: 'p95 ≤ 5 ms',
        met: page.p95 <= 5,
      },
      {
        figure: 'browser mode: start to ready',
        size,
        p50: starts[1]!,
        p95: starts[2]!,
        floor: null,
        target: '≤ 1500 ms',
        met: starts[2]! <= 1500,
      },
      {
        figure: 'browser mode: memory (MB RSS)',
        size,
        p50: rss,
        p95: rss,
        floor: null,
        target: '≤ 300 MB',
        met: rss <= 300,
      },
    ];
  } finally {
    server.stop();
  }
}
