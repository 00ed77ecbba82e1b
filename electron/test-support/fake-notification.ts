/** A fake of Electron's `Notification` (Electron cannot run here): records what was shown. */

export class FakeNotification {
  /** Every notification made since the test reset this list. */
  static made: FakeNotification[] = [];
  shown = false;
  click: (() => void) | null = null;

  constructor(readonly options: { title: string; body: string }) {
    FakeNotification.made.push(this);
  }

  on(_event: 'click', listener: () => void): this {
    this.click = listener;
    return this;
  }

  show(): void {
    this.shown = true;
  }
}
