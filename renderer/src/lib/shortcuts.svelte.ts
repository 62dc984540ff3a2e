// The app's keyboard shortcuts: which key does what, how each is written for this platform,
// and the requests they leave for the views (focus the search, open the palette).

export type GlobalAction = 'new' | 'find' | 'palette';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Ctrl+K" or "⌘K", for hints shown to the analyst. */
export function keyLabel(key: string): string {
  return isMac ? `⌘${key}` : `Ctrl+${key}`;
}

/** The value of aria-keyshortcuts for Ctrl/Cmd+key. */
export function ariaKeys(key: string): string {
  return isMac ? `Meta+${key}` : `Control+${key}`;
}

/** The global action a key press asks for, if any: Ctrl/Cmd with N, F or K and no other modifier. */
export function globalAction(event: KeyboardEvent): GlobalAction | null {
  if (!(isMac ? event.metaKey : event.ctrlKey) || event.altKey || event.shiftKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'n') return 'new';
  if (key === 'f') return 'find';
  if (key === 'k') return 'palette';
  return null;
}

class Shortcuts {
  /** Set by Ctrl/Cmd+F; the list's search box takes focus when it sees it, and clears it. */
  findPending = $state(false);
  paletteOpen = $state(false);
}

export const shortcuts = new Shortcuts();
