// The remembered window size and position: validated when read back, and kept on a visible display.

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

export const defaultSize = { width: 1280, height: 800 } as const;
export const minimumSize = { width: 720, height: 480 } as const;
const largestDimension = 100_000;

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= largestDimension;
}

function isDimension(value: unknown, minimum: number): value is number {
  return isCoordinate(value) && value >= minimum;
}

/** Whatever was on disk: anything malformed (hand edits, a half-written file) gives null, never an error. */
export function parseWindowState(text: string): WindowState | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isCoordinate(x) || !isCoordinate(y)) return null;
  if (!isDimension(width, minimumSize.width) || !isDimension(height, minimumSize.height)) return null;
  return { bounds: { x, y, width, height }, maximized: maximized === true };
}

function overlap(a: Bounds, b: Bounds): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * Fits saved bounds to the work area of the display that matches them best. A window mostly off
 * screen (a monitor unplugged since) is centred on that display instead, shrunk to fit if need be.
 */
export function placeOnDisplay(bounds: Bounds, workArea: Bounds): Bounds {
  const width = Math.min(bounds.width, workArea.width);
  const height = Math.min(bounds.height, workArea.height);
  const sized = { ...bounds, width, height };
  const visible = overlap(sized, workArea) >= (width * height) / 2;
  if (visible) {
    const x = Math.min(Math.max(sized.x, workArea.x), workArea.x + workArea.width - width);
    const y = Math.min(Math.max(sized.y, workArea.y), workArea.y + workArea.height - height);
    return { x, y, width, height };
  }
  return {
    x: workArea.x + Math.round((workArea.width - width) / 2),
    y: workArea.y + Math.round((workArea.height - height) / 2),
    width,
    height,
  };
}
