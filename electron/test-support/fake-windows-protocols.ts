/**
 * A FAKE of Electron's protocol-client API on Windows, for shell/protocol-registration.ts. It
 * answers as Electron's `browser_win.cc` does: `setAsDefaultProtocolClient` writes
 * `HKCU\Software\Classes\<scheme>\shell\open\command` as `"<exe>" "<arg>"... "%1"`;
 * `isDefaultProtocolClient` compares that value with the command it would write;
 * `removeAsDefaultProtocolClient` deletes the key only when the command is that one; and
 * `getApplicationNameForProtocol` asks the shell (`AssocQueryString`, friendly app name), which
 * follows the user's choice in Default Apps (`UserChoice`) before the class key.
 */
export class FakeWindowsProtocols {
  /** `HKCU\Software\Classes\<scheme>\shell\open\command`, by scheme. */
  readonly commands = new Map<string, string>();
  /** The user's choice in Default Apps (UserChoice), by scheme: the chosen app's friendly name. */
  readonly userChoice = new Map<string, string>();
  /** Every registry write and delete, in order. */
  readonly writes: string[] = [];

  constructor(
    private readonly productName = 'Ringdesk',
    /** Friendly names of the programs that other commands run, by executable. */
    private readonly programNames: Readonly<Record<string, string>> = {},
  ) {}

  private command(exe: string, args: readonly string[]): string {
    return [exe, ...args, '%1'].map((part) => `"${part}"`).join(' ');
  }

  getName = (): string => this.productName;

  setAsDefaultProtocolClient = (scheme: string, exe = '', args: string[] = []): boolean => {
    const value = this.command(exe, args);
    this.commands.set(scheme, value);
    this.writes.push(`set ${scheme} = ${value}`);
    return true;
  };

  isDefaultProtocolClient = (scheme: string, exe = '', args: string[] = []): boolean =>
    this.commands.get(scheme) === this.command(exe, args);

  removeAsDefaultProtocolClient = (scheme: string, exe = '', args: string[] = []): boolean => {
    if (!this.isDefaultProtocolClient(scheme, exe, args)) return false;
    this.commands.delete(scheme);
    this.writes.push(`delete ${scheme}`);
    return true;
  };

  getApplicationNameForProtocol = (url: string): string => {
    const scheme = url.replace(/:.*$/s, '');
    const chosen = this.userChoice.get(scheme);
    if (chosen !== undefined) return chosen;
    const command = this.commands.get(scheme);
    if (command === undefined) return '';
    const exe = /^"([^"]*)"/.exec(command)?.[1] ?? '';
    return this.programNames[exe] ?? this.productName;
  };
}
