// The sandboxed preload: one function per API operation as window.pledgewatch, and the desktop app's save
// dialog as window.pledgewatchDesktop; nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResult, InputOf, OutputOf } from '../api/contract.ts';
import { operationNames, type OperationName } from '../api/operation-names.ts';
import type { BridgeFunction, DesktopBridge, PledgewatchBridge } from './bridge.ts';
import { channelFor, saveReportChannel } from './channel.ts';

/** A narrow function bound to one channel: the renderer never sees ipcRenderer or picks a channel itself. */
function invoker<Name extends OperationName>(name: Name): BridgeFunction<Name> {
  const channel = channelFor(name);
  return (input: InputOf<Name>) => ipcRenderer.invoke(channel, input) as Promise<ApiResult<OutputOf<Name>>>;
}

// Built from the list, so a new operation reaches the renderer with no change here; the mapped type
// of PledgewatchBridge is exactly one entry per name in that list.
const bridge = Object.freeze(
  Object.fromEntries(operationNames.map((name) => [name, invoker(name)])),
) as PledgewatchBridge;

contextBridge.exposeInMainWorld('pledgewatch', bridge);

const desktop: DesktopBridge = {
  saveReport: (request) =>
    ipcRenderer.invoke(saveReportChannel, request) as ReturnType<DesktopBridge['saveReport']>,
};

contextBridge.exposeInMainWorld('pledgewatchDesktop', Object.freeze(desktop));
