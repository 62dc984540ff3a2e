// Binds every API operation to an IPC channel, answering only the main window's own frame.
import type { Database } from 'better-sqlite3';
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { ApiResult } from '../api/contract.ts';
import { callOperationAsync } from '../api/dispatch.ts';
import { operationNames } from '../api/operation-names.ts';
import { channelFor } from '../preload/channel.ts';
import { isTrustedSender } from './security-policy.ts';

export const untrusted: ApiResult<never> = {
  ok: false,
  error: { code: 'internal', message: 'untrusted sender: only the Pledgewatch window may call the API' },
};

/** The sender must be the top frame of the current main window, showing the app itself. */
export function isFromMainWindow(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!frame || !window || window.isDestroyed()) return false;
  const mainFrame = window.webContents.mainFrame;
  return (
    event.sender === window.webContents &&
    frame.parent === null &&
    frame.frameTreeNodeId === mainFrame.frameTreeNodeId &&
    frame.processId === mainFrame.processId &&
    isTrustedSender(frame.url)
  );
}

/** The window is looked up on each call, since on macOS it can be closed and made anew. */
export function registerApiHandlers(db: Database, mainWindow: () => BrowserWindow | null): void {
  for (const name of operationNames) {
    ipcMain.handle(channelFor(name), (event, input: unknown) => {
      if (!isFromMainWindow(event, mainWindow())) {
        console.warn(
          `Pledgewatch: refused ${name} from an untrusted sender (${event.senderFrame?.url ?? 'gone'})`,
        );
        return untrusted;
      }
      return callOperationAsync(db, name, input);
    });
  }
}
