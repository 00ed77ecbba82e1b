import { describe, expect, it } from 'vitest';
import { popupBounds } from './popup-placement.js';

const workArea = { x: 0, y: 0, width: 1920, height: 1040 };

describe('popupBounds', () => {
  it('puts the popup in the chosen corner of the work area', () => {
    expect(popupBounds(workArea, { width: 380, height: 300 }, 'bottom-right')).toEqual({
      x: 1528,
      y: 728,
      width: 380,
      height: 300,
    });
    expect(popupBounds(workArea, { width: 380, height: 300 }, 'top-left')).toEqual({
      x: 12,
      y: 12,
      width: 380,
      height: 300,
    });
  });

  it('respects a second screen’s offset and never overflows a small screen', () => {
    expect(
      popupBounds({ x: 1920, y: -200, width: 1280, height: 1000 }, { width: 380, height: 300 }, 'top-right'),
    ).toEqual({
      x: 2808,
      y: -188,
      width: 380,
      height: 300,
    });
    expect(
      popupBounds({ x: 0, y: 0, width: 300, height: 200 }, { width: 380, height: 300 }, 'bottom-left'),
    ).toEqual({
      x: 12,
      y: 12,
      width: 276,
      height: 176,
    });
  });
});
