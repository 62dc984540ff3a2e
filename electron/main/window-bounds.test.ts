// The remembered window position: garbage ignored, and a window never restored off screen.
import { describe, expect, it } from 'vitest';
import { parseWindowState, placeOnDisplay } from './window-bounds.ts';

const workArea = { x: 0, y: 0, width: 1920, height: 1040 };

describe('parseWindowState', () => {
  it('reads what was saved', () => {
    const text = JSON.stringify({ bounds: { x: 10, y: 20, width: 1200, height: 700 }, maximized: true });
    expect(parseWindowState(text)).toEqual({
      bounds: { x: 10, y: 20, width: 1200, height: 700 },
      maximized: true,
    });
  });

  it.each([
    '',
    'not json',
    'null',
    '[]',
    '{"bounds": null}',
    '{"bounds": {"x": 0, "y": 0, "width": 100, "height": 700}}',
    '{"bounds": {"x": 0, "y": 0, "width": "1200", "height": 700}}',
    '{"bounds": {"x": 1e300, "y": 0, "width": 1200, "height": 700}}',
    '{"bounds": {"x": 0.5, "y": 0, "width": 1200, "height": 700}}',
    '{"bounds": {"x": 0, "y": 0, "width": 1200}}',
  ])('ignores %s', (text) => expect(parseWindowState(text)).toBeNull());

  it('treats anything but true as not maximised', () => {
    const text = JSON.stringify({ bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: 'yes' });
    expect(parseWindowState(text)?.maximized).toBe(false);
  });
});

describe('placeOnDisplay', () => {
  it('keeps a window that is on screen where it was', () => {
    const bounds = { x: 100, y: 50, width: 1200, height: 800 };
    expect(placeOnDisplay(bounds, workArea)).toEqual(bounds);
  });

  it('pulls a window hanging over the edge back inside', () => {
    expect(placeOnDisplay({ x: 1000, y: 500, width: 1200, height: 800 }, workArea)).toEqual({
      x: 720,
      y: 240,
      width: 1200,
      height: 800,
    });
  });

  it('centres a window left on a monitor that is gone', () => {
    expect(placeOnDisplay({ x: 4000, y: 0, width: 1200, height: 800 }, workArea)).toEqual({
      x: 360,
      y: 120,
      width: 1200,
      height: 800,
    });
  });

  it('shrinks a window larger than the display', () => {
    const second = { x: 1920, y: 0, width: 1280, height: 720 };
    expect(placeOnDisplay({ x: 1920, y: 0, width: 2560, height: 1400 }, second)).toEqual(second);
  });
});
