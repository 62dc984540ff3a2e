// Saving an exported report in browser mode: the bytes the API returned, handed to the browser as a download.
//
// In the desktop app the same bytes should go through a native save dialog that remembers the last folder.
// That needs a main-process operation (electron/main), e.g. `saveFile({ fileName, mimeType, base64 })` →
// `{ path } | { cancelled: true }`: dialog.showSaveDialog with defaultPath = the remembered folder + fileName,
// write to a temporary file beside the target and rename (never half-written), remember the folder in the
// settings. Until it exists, the browser's own download is used everywhere.

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
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}
