// Names for exported files that are safe on every system the file may travel to: no folders, no
// control characters, nothing Windows refuses. Written here rather than taken from sanitize-filename,
// which empties a reserved name ("CON.pdf" becomes ""), where a report still needs a usable name.

/** Characters Windows refuses in a name, and the separators of every system. */
const forbidden = /[<>:"/\\|?*]/g;
// eslint-disable-next-line no-control-regex
const control = /[\u0000-\u001f\u007f-\u009f]/g;

/** Names Windows reserves for devices, with or without an extension ("CON", "com1.pdf"). */
const reserved = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/** Leaves room under the 255-byte limit of most file systems for the extension and a temporary suffix. */
const maxBytes = 180;

function truncateToBytes(text: string, max: number): string {
  let out = '';
  for (const character of text) {
    if (Buffer.byteLength(out + character, 'utf8') > max) break;
    out += character;
  }
  return out;
}

/**
 * A file name for `wanted` ending in `.extension`: separators and forbidden characters become "-",
 * control characters go (line breaks and tabs become spaces), so do leading dots and trailing dots
 * and spaces; a reserved device name gets "report " before it.
 */
export function safeFileName(wanted: string, extension: string): string {
  const suffix = `.${extension.replace(/^\.+/, '').toLowerCase()}`;
  let stem = wanted
    .normalize('NFC')
    .replace(/[\t\n\v\f\r]/g, ' ')
    .replace(control, '')
    .replace(forbidden, '-');
  if (stem.toLowerCase().endsWith(suffix)) stem = stem.slice(0, -suffix.length);
  stem = stem
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, '-')
    .replace(/^[\s.-]+/, '')
    .replace(/[\s.-]+$/, '');
  stem = truncateToBytes(stem, maxBytes).replace(/[\s.-]+$/, '');
  if (stem === '') stem = 'report';
  if (reserved.test(stem)) stem = `report ${stem}`;
  return stem + suffix;
}

/** "Friday briefing 2026-11-23.pdf": the template's name (or the report's title) and its day. */
export function reportFileName(title: string, day: string, extension: string): string {
  return safeFileName(`${title} ${day}`, extension);
}

/** A report's name when it belongs to no template, as its files are named; its title is in its language. */
export const defaultTitle = 'Commitments briefing';
