/** A fake of Electron's login items (`app.setLoginItemSettings`): remembers what it was told. */

export interface FakeLoginItemSettings {
  readonly openAtLogin?: boolean;
  readonly path?: string;
  readonly args?: string[];
}

export class FakeLoginItems {
  readonly calls: FakeLoginItemSettings[] = [];

  constructor(readonly isPackaged = true) {}

  setLoginItemSettings(settings: FakeLoginItemSettings): void {
    this.calls.push(settings);
  }
}
