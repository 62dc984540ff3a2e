// `npm run cli -- <command>`: the entry point; prints a clear message and sets the exit code.
import { runCli, usage } from './cli.ts';
import { UsageError } from './usage-error.ts';

async function main(): Promise<void> {
  try {
    process.exitCode = await runCli(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`Pledgewatch: ${error.message}\n\n${usage}`);
      process.exitCode = 2;
    } else {
      console.error(`Pledgewatch: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  }
}

void main();
