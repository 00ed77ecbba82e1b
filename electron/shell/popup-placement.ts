/** Where the popup window goes: the corner of the screen's work area the user chose. */

export type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The popup's bounds in `workArea`, `margin` pixels from the chosen corner. */
export function popupBounds(
  workArea: Rectangle,
  size: { width: number; height: number },
  corner: Corner,
  margin = 12,
): Rectangle {
  const width = Math.min(size.width, workArea.width - 2 * margin);
  const height = Math.min(size.height, workArea.height - 2 * margin);
  const left = corner.endsWith('left');
  const top = corner.startsWith('top');
  return {
    x: left ? workArea.x + margin : workArea.x + workArea.width - width - margin,
    y: top ? workArea.y + margin : workArea.y + workArea.height - height - margin,
    width,
    height,
  };
}
