// The one entry point of the command line's own operations (commandLineOperationNames): validated by the
// contract and failing as every operation does, over the database file the command names. Only
// electron/cli imports it; a lint rule keeps the window's IPC, browser mode's HTTP and the renderer away.
import { commandLineHandlers } from './command-line-handlers.ts';
import { commandLineContract, type ApiResult } from './contract.ts';
import { describeFailure, invalidInput } from './dispatch.ts';
import { isCommandLineOperationName } from './operation-names.ts';

export async function callCommandLineOperation(
  file: string,
  name: unknown,
  input: unknown,
): Promise<ApiResult<unknown>> {
  if (!isCommandLineOperationName(name)) {
    return {
      ok: false,
      error: {
        code: 'unknown_operation',
        message: `There is no command-line operation named ${JSON.stringify(name)}.`,
      },
    };
  }
  const parsed = commandLineContract[name].input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: invalidInput(name, parsed.error) };
  try {
    const handler = commandLineHandlers[name] as (file: string, input: unknown) => unknown;
    return { ok: true, value: await handler(file, parsed.data) };
  } catch (error) {
    return { ok: false, error: describeFailure(name, error) };
  }
}
