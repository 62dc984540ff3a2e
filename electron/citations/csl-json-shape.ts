// Telling a CSL JSON file from a Pledgewatch JSON report by its shape, without loading citation-js.

/** True when a .json file is CSL JSON (a list of items) rather than a Pledgewatch JSON report (an object). */
export function isCslJson(text: string): boolean {
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('[');
}
