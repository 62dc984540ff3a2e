// What `npm start` runs under plain Node: find (or fetch) the Electron binary and start the app with it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fetchElectron, locateElectron } from './electron-binary.ts';

const appRoot = join(import.meta.dirname, '..', '..');

const unavailableMessage =
  'Pledgewatch: the Electron binary is not available on this machine (could not download it). ' +
  'Run `npm run web` to use Pledgewatch in your browser.';

async function findOrFetchElectron(): Promise<string | null> {
  const found = locateElectron();
  if (found) return found;
  const fetched = await fetchElectron({
    onSlow: () => console.error('Pledgewatch: downloading the Electron binary for the first start…'),
  });
  return fetched ? locateElectron() : null;
}

function run(executable: string): void {
  // ELECTRON_RUN_AS_NODE, inherited from some editors' terminals, would start Node instead of the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executable, [appRoot], { stdio: 'inherit', env, windowsHide: false });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => {
    console.error(`Pledgewatch: could not start Electron: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const executable = await findOrFetchElectron();
if (executable) {
  run(executable);
} else {
  console.error(unavailableMessage);
  process.exit(1);
}
