// Remembers the main window's size, position and maximised state in a small JSON file in userData.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, screen, type BrowserWindow } from 'electron';
import { defaultSize, parseWindowState, placeOnDisplay, type WindowState } from './window-bounds.ts';

function stateFile(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

/** The saved state fitted to today's displays, or null for a first start or an unreadable file. */
export function loadWindowState(): WindowState | null {
  let text: string;
  try {
    text = readFileSync(stateFile(), 'utf8');
  } catch {
    return null;
  }
  const saved = parseWindowState(text);
  if (!saved) return null;
  const display = screen.getDisplayMatching(saved.bounds);
  return { bounds: placeOnDisplay(saved.bounds, display.workArea), maximized: saved.maximized };
}

export function initialBounds(saved: WindowState | null): Partial<WindowState['bounds']> {
  return saved ? saved.bounds : { ...defaultSize };
}

function saveWindowState(window: BrowserWindow): void {
  const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
  const file = stateFile();
  try {
    // Written beside and renamed, so a crash mid-write leaves the previous state rather than half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file);
  } catch (error) {
    console.warn(`Pledgewatch: could not remember the window position: ${(error as Error).message}`);
  }
}

export function rememberWindowState(window: BrowserWindow): void {
  window.on('close', () => saveWindowState(window));
}
