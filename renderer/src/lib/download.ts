// Saving an exported report. In the desktop app the main process asks where (a native save dialog that
// opens in the last report's folder) and writes the file there; in browser mode the API returns the bytes
// and the browser downloads them.
import type { InputOf } from '../../../electron/api/contract.ts';
import type { DesktopBridge } from '../../../electron/preload/bridge.ts';
import { api, ApiCallError } from './api.ts';
import * as m from '../../../electron/shared/i18n/paraglide/messages.js';

declare global {
  interface Window {
    pledgewatchDesktop?: DesktopBridge;
  }
}

/** Where the report went: a file the analyst chose, a browser download, or nowhere (cancelled). */
export type SavedReport =
  { kind: 'saved'; path: string } | { kind: 'downloaded'; fileName: string } | { kind: 'cancelled' };

export async function saveReport(request: InputOf<'renderReport'>): Promise<SavedReport> {
  const desktop = window.pledgewatchDesktop;
  if (desktop) {
    const result = await desktop.saveReport(request);
    if (!result.ok) throw new ApiCallError(result.error);
    return result.value.saved ? { kind: 'saved', path: result.value.path } : { kind: 'cancelled' };
  }
  const file = await api.renderReport(request);
  downloadFile(file);
  return { kind: 'downloaded', fileName: file.fileName };
}

/** The bytes of a base64 string, as the API carries files. */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Offers the file as a download under its name (the API has already made the name safe). */
export function downloadFile(file: { fileName: string; mimeType: string; base64: string }): void {
  const url = URL.createObjectURL(new Blob([bytesOfBase64(file.base64)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; a moment later the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A chosen or dropped file's bytes in base64, as the API takes them. */
export function base64OfFile(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(m.download_file_unreadable()));
    reader.readAsDataURL(file);
  });
}
