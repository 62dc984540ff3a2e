// The preload as `npm run build` bundles it: one self-contained file that exposes the API and the desktop
// save dialog, and nothing else.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames } from '../api/operation-names.ts';
import { saveReportChannel } from '../preload/channel.ts';
import { buildElectronBundles, type BuiltBundles } from './build-for-test.ts';
import { createFakeElectron, runBundleWith, type FakeElectron } from './fake-electron.ts';

describe('the built preload', () => {
  let bundles: BuiltBundles;
  let fake: FakeElectron;
  let exposed: Record<string, unknown>;

  beforeAll(async () => {
    bundles = await buildElectronBundles();
    // The preload touches neither the app folder nor user data.
    fake = createFakeElectron({ appPath: '/nowhere', userData: '/nowhere' });
    runBundleWith(fake, bundles.preload);
    exposed = fake.recorded.exposed.get('pledgewatch') as Record<string, unknown>;
  }, 60_000);
  afterAll(() => bundles?.remove());

  it('requires nothing but electron, so it runs in the sandbox', () => {
    const source = readFileSync(bundles.preload, 'utf8');
    const required = [...source.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
    expect(required).toEqual(['electron']);
    expect(source).not.toMatch(/\bimport\s*\(|\bimport\s.+\sfrom\s|zod/);
  });

  it('exposes window.pledgewatch and the desktop save dialog, nothing else', () => {
    expect([...fake.recorded.exposed.keys()]).toEqual(['pledgewatch', 'pledgewatchDesktop']);
  });

  it('offers only saveReport on the desktop bridge, on its own channel', async () => {
    const desktop = fake.recorded.exposed.get('pledgewatchDesktop') as Record<string, unknown>;
    expect(Object.keys(desktop)).toEqual(['saveReport']);
    expect(Object.isFrozen(desktop)).toBe(true);
    const saveReport = desktop.saveReport as (input: unknown) => Promise<unknown>;
    await saveReport({ format: 'pdf' });
    expect(fake.recorded.invoked.at(-1)).toEqual({ channel: saveReportChannel, input: { format: 'pdf' } });
  });

  it('has one function per operation, and no way to reach ipcRenderer or another channel', () => {
    expect(Object.keys(exposed).sort()).toEqual([...operationNames].sort());
    expect(Object.values(exposed).every((value) => typeof value === 'function')).toBe(true);
    expect(Object.isFrozen(exposed)).toBe(true);
    expect(exposed).not.toHaveProperty('ipcRenderer');
    expect(exposed).not.toHaveProperty('invoke');
  });

  it('sends each call on its own operation’s channel', async () => {
    const listCommitments = exposed.listCommitments as (input: unknown) => Promise<unknown>;
    expect(await listCommitments({ text: 'fentanyl' })).toEqual({
      ok: true,
      value: 'pledgewatch:listCommitments',
    });
    expect(fake.recorded.invoked.at(-1)).toEqual({
      channel: 'pledgewatch:listCommitments',
      input: { text: 'fentanyl' },
    });
  });
});
