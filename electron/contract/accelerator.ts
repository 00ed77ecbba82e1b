/**
 * Global shortcuts as Electron writes them: an "Accelerator" is modifiers and one key code joined
 * by `+` (`CommandOrControl+Alt+D`), case-insensitive. The names below are those of Electron's
 * Accelerator documentation (docs/api/accelerator.md: "Available modifiers", "Available key
 * codes"); a name Electron does not know would make `globalShortcut.register` throw.
 *
 * Two rules go beyond Electron's, because a global shortcut takes its keys from every program on
 * the desktop: a key may stand alone only when it is F1–F24, and a character key (letter, digit,
 * punctuation, space) needs Ctrl/Cmd, Alt or Super (with Shift or AltGr only it would take a
 * character the agent types, `Shift+D` being a capital D).
 *
 * The settings schema states each problem in English ({@link acceleratorMessage}); the settings
 * window reads that message back ({@link readAcceleratorMessage}) to say it in the UI language.
 */

/** Electron's modifiers, lower case. */
const MODIFIERS = new Set([
  'command',
  'cmd',
  'control',
  'ctrl',
  'commandorcontrol',
  'cmdorctrl',
  'alt',
  'option',
  'altgr',
  'shift',
  'super',
  'meta',
]);

/** Modifiers that only change which character a key types. */
const CHARACTER_MODIFIERS = new Set(['shift', 'altgr']);

const PUNCTUATION = Array.from(')!@#$%^&*(:;+=<,_->.?/~`{][|\\}"');

const NAMED_KEYS = [
  'plus',
  'space',
  'tab',
  'capslock',
  'numlock',
  'scrolllock',
  'backspace',
  'delete',
  'insert',
  'return',
  'enter',
  'up',
  'down',
  'left',
  'right',
  'home',
  'end',
  'pageup',
  'pagedown',
  'escape',
  'esc',
  'volumeup',
  'volumedown',
  'volumemute',
  'medianexttrack',
  'mediaprevioustrack',
  'mediastop',
  'mediaplaypause',
  'printscreen',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
];

const range = (count: number, name: (index: number) => string) =>
  Array.from({ length: count }, (_, index) => name(index));

/** Electron's key codes, lower case. */
const KEYS = new Set([
  ...range(10, String),
  ...range(26, (index) => String.fromCharCode(97 + index)),
  ...range(24, (index) => `f${String(index + 1)}`),
  ...range(10, (index) => `num${String(index)}`),
  ...PUNCTUATION,
  ...NAMED_KEYS,
]);

/**
 * Keys that type a character, and the keys that edit or move in text: with Shift alone they are
 * what every program uses to type or select (`Shift+Tab`, `Shift+Up`, `Shift+Enter`).
 */
const CHARACTER_KEY =
  /^(?:[a-z0-9]|space|plus|tab|return|enter|backspace|delete|insert|up|down|left|right|home|end|pageup|pagedown|escape|esc|[^a-z0-9])$/;
const FUNCTION_KEY = /^f(?:[1-9]|1\d|2[0-4])$/;

/** Longest accelerator accepted (Electron has no limit; this keeps messages short). */
export const MAX_ACCELERATOR_LENGTH = 100;

/** Why a string is not a usable global shortcut. */
export type AcceleratorProblemCode =
  | 'empty-part'
  | 'unknown-part'
  | 'no-key'
  | 'two-keys'
  | 'key-not-last'
  | 'no-modifier'
  | 'character-only'
  | 'too-long';

/** One problem of an accelerator: what is wrong and with which part. */
export interface AcceleratorProblem {
  readonly code: AcceleratorProblemCode;
  /** The part the problem is about (the unknown name, the lone key), or '' when none. */
  readonly part: string;
}

/**
 * What is wrong with `accelerator` as a global shortcut, or null when Electron can register it.
 * The empty string is not checked here: settings read it as "off".
 */
export function acceleratorProblem(accelerator: string): AcceleratorProblem | null {
  if (accelerator.length > MAX_ACCELERATOR_LENGTH) return { code: 'too-long', part: '' };
  const parts = accelerator.split('+').map((part) => part.trim());
  if (parts.some((part) => part === '')) return { code: 'empty-part', part: '' };
  const keys: string[] = [];
  const modifiers: string[] = [];
  for (const part of parts) {
    const name = part.toLowerCase();
    if (MODIFIERS.has(name)) {
      if (keys.length > 0) return { code: 'key-not-last', part: keys[0] ?? '' };
      modifiers.push(name);
    } else if (KEYS.has(name)) keys.push(part);
    else return { code: 'unknown-part', part };
  }
  const [key, second] = keys;
  if (key === undefined) return { code: 'no-key', part: '' };
  if (second !== undefined) return { code: 'two-keys', part: `${key}, ${second}` };
  const name = key.toLowerCase();
  if (modifiers.length === 0 && !FUNCTION_KEY.test(name)) return { code: 'no-modifier', part: key };
  if (CHARACTER_KEY.test(name) && modifiers.every((modifier) => CHARACTER_MODIFIERS.has(modifier)))
    return { code: 'character-only', part: key };
  return null;
}

const REASONS: Readonly<Record<AcceleratorProblemCode, string>> = {
  'empty-part': 'a “+” has nothing on one side (the + key is written Plus)',
  'unknown-part':
    '“{part}” is neither a modifier (Ctrl, Alt, Shift, Super, Cmd) nor a key name Electron knows',
  'no-key': 'it has modifiers but no key (for example Ctrl+Alt+D)',
  'two-keys': 'it names two keys ({part}); a shortcut has one key after its modifiers',
  'key-not-last': 'the key ({part}) must come after the modifiers',
  'no-modifier':
    '“{part}” alone would take that key from every program; add Ctrl, Alt or Super (only F1–F24 may stand alone)',
  'character-only':
    'it would take “{part}” from every program, which types or edits with it; add Ctrl, Alt or Super',
  'too-long': `it is longer than ${String(MAX_ACCELERATOR_LENGTH)} characters`,
};

const PREFIX = /^“([^]*)” is not a key combination: /u;

/** The problem in plain English words, as the settings schema reports it. */
export function acceleratorMessage(accelerator: string, problem: AcceleratorProblem): string {
  const shown = accelerator.length > 40 ? `${accelerator.slice(0, 40)}…` : accelerator;
  return `“${shown}” is not a key combination: ${REASONS[problem.code].replace('{part}', problem.part)}`;
}

const SAME = /^“([^]*)” is already the shortcut to focus the newest popup; give each its own$/u;

/** The message when both shortcuts are the same combination. */
export function sameShortcutMessage(accelerator: string): string {
  return `“${accelerator}” is already the shortcut to focus the newest popup; give each its own`;
}

/** A reason's words as a pattern whose group is the part. */
function reasonPattern(reason: string): RegExp {
  const [before = '', after = ''] = reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').split('\\{part\\}');
  return new RegExp(`^${before}${reason.includes('{part}') ? `([^]*)${after}` : ''}$`, 'u');
}

/**
 * Reads a message of {@link acceleratorMessage} or {@link sameShortcutMessage} back: the shortcut
 * as written, what is wrong (`same` for the second) and the part, or null for any other message.
 */
export function readAcceleratorMessage(message: string): {
  readonly shortcut: string;
  readonly code: AcceleratorProblemCode | 'same';
  readonly part: string;
} | null {
  const same = SAME.exec(message);
  if (same !== null) return { shortcut: same[1] ?? '', code: 'same', part: '' };
  const matched = PREFIX.exec(message);
  if (matched === null) return null;
  const reason = message.slice(matched[0].length);
  for (const code of Object.keys(REASONS) as AcceleratorProblemCode[]) {
    const found = reasonPattern(REASONS[code]).exec(reason);
    if (found !== null) return { shortcut: matched[1] ?? '', code, part: found[1] ?? '' };
  }
  return null;
}

/** The accelerator as Electron wants it to be registered: parts trimmed. */
export function normalAccelerator(accelerator: string): string {
  return accelerator
    .split('+')
    .map((part) => part.trim())
    .join('+');
}

const ALIASES = new Map([
  ['cmd', 'command'],
  ['ctrl', 'control'],
  ['cmdorctrl', 'commandorcontrol'],
  ['option', 'alt'],
  ['meta', 'super'],
  ['esc', 'escape'],
  ['enter', 'return'],
]);

/**
 * True when two accelerators name the same combination on some platform (`Ctrl+Alt+D`,
 * `alt + control + d`; `CommandOrControl+Alt+D` is `Ctrl+Alt+D` off macOS and `Cmd+Alt+D` on it).
 */
export function sameAccelerator(first: string, second: string): boolean {
  const forms = (accelerator: string) => {
    const parts = accelerator.split('+').map((part) => {
      const name = part.trim().toLowerCase();
      return ALIASES.get(name) ?? name;
    });
    const on = (platformKey: string) =>
      parts
        .map((part) => (part === 'commandorcontrol' ? platformKey : part))
        .sort()
        .join('+');
    return [on('control'), on('command')];
  };
  const [firstOff, firstMac] = forms(first);
  const [secondOff, secondMac] = forms(second);
  return firstOff === secondOff || firstMac === secondMac;
}
