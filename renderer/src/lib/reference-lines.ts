// A list typed one entry to a line (a party's aliases, a topic's keywords): its lines, trimmed, blanks left out.
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
