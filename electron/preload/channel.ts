// The IPC channel of each API operation: one spelling shared by the preload and the main process's handlers.
import type { OperationName } from '../api/operation-names.ts';

export const channelPrefix = 'pledgewatch:';

export function channelFor(name: OperationName): `pledgewatch:${OperationName}` {
  return `pledgewatch:${name}`;
}

/** The desktop app's own save dialog: not an API operation, since browser mode downloads instead. */
export const saveReportChannel = 'pledgewatch-desktop:saveReport';
