/**
 * The state behind the wizard and the settings window: the document as saved and the draft
 * being edited, the Companion's problems with it (each shown next to its field), and the
 * results of the "Test" buttons. Nothing is saved until `save`; a save the Companion refuses
 * changes nothing on disk and leaves the draft as it was, with the problems.
 */
import { createStore } from 'zustand/vanilla';
import type { CommandResult } from '../../../electron/contract/channels.js';
import type { RendererBridge } from '../bridge/bridge.js';
import {
  getAt,
  hasProblemsUnder,
  moveItem,
  pathText,
  setAt,
  type FieldProblem,
  type Json,
  type Path,
} from './document-path.js';

export type LineTest = CommandResult<'testLine'>;
export type DirectoryTest = CommandResult<'testDirectory'>;
type SettingsDefaults = CommandResult<'getSettings'>['defaults'];

/** A "Test" button's progress and verdict. */
export type TestState<R> =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running' }
  | { readonly phase: 'done'; readonly result: R }
  | { readonly phase: 'failed'; readonly error: string };

export interface EditorState {
  readonly phase: 'loading' | 'ready' | 'saving' | 'failed';
  readonly error: string | null;
  readonly file: string;
  readonly firstRun: boolean;
  readonly defaults: SettingsDefaults | null;
  readonly templates: readonly string[];
  /** The settings cannot be changed here (the demo's). */
  readonly readOnly: boolean;
  /** The administrator's site settings: where from, and the keys the user cannot change. */
  readonly site: { readonly source: string; readonly locked: readonly string[] } | null;
  /** The country the agent picked by name (a calling code such as +1 is shared by several). */
  readonly region: string | null;
  readonly saved: Json;
  readonly draft: Json;
  readonly problems: readonly FieldProblem[];
  /** Set after a successful save, cleared by the next edit. */
  readonly justSaved: boolean;
  /** The last save was refused: its problems are listed until the next save or revert. */
  readonly saveRefused: boolean;
  /** The file as loaded has problems (edited by hand, a secret that cannot be read). */
  readonly fileProblems: boolean;
  /** Bumped when directories move or go: their forms start afresh (their position is their key). */
  readonly directoriesVersion: number;
  readonly lineTest: TestState<LineTest>;
  /** By directory position; cleared when the list is reordered. */
  readonly directoryTests: Readonly<Record<number, TestState<DirectoryTest>>>;
}

const initial: EditorState = {
  phase: 'loading',
  error: null,
  file: '',
  firstRun: false,
  defaults: null,
  templates: [],
  readOnly: false,
  site: null,
  region: null,
  saved: {},
  draft: {},
  problems: [],
  justSaved: false,
  saveRefused: false,
  fileProblems: false,
  directoriesVersion: 0,
  lineTest: { phase: 'idle' },
  directoryTests: {},
};

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export type SettingsEditor = ReturnType<typeof createSettingsEditor>;

/** The editor for one window; `load` first. */
export function createSettingsEditor(bridge: RendererBridge) {
  const store = createStore<EditorState>(() => initial);
  const set = (patch: Partial<EditorState>) => store.setState(patch);

  const editor = {
    store,

    /** Reads the settings as saved. */
    async load(): Promise<void> {
      set({ phase: 'loading', error: null });
      try {
        const view = await bridge.invoke('getSettings', {});
        const document = (view.document ?? {}) as Json;
        set({
          phase: 'ready',
          file: view.file,
          firstRun: view.firstRun,
          defaults: view.defaults,
          templates: view.templates,
          readOnly: view.readOnly === true,
          site: view.site ?? null,
          saved: document,
          draft: document,
          problems: view.problems,
          fileProblems: view.problems.length > 0,
          saveRefused: false,
        });
      } catch (error) {
        set({ phase: 'failed', error: message(error) });
      }
    },

    /** Sets one value of the draft (undefined removes it); the field's old problems go. */
    edit(path: Path, value: Json | undefined): void {
      const text = pathText(path);
      store.setState((state) => ({
        draft: setAt(withLineProvider(state.draft, path), path, value),
        problems: state.problems.filter((problem) => problem.path !== text),
        justSaved: false,
        // A changed line needs a new test; picking the line from the test's list does not.
        ...(path[0] === 'line' && text !== 'line.line' ? { lineTest: { phase: 'idle' } as const } : {}),
      }));
    },

    /** Moves a directory up or down the list (earlier ones win when contacts are merged). */
    moveDirectory(from: number, to: number): void {
      const list = getAt(store.getState().draft, ['directories']);
      if (!Array.isArray(list)) return;
      editor.edit(['directories'], moveItem(list, from, to));
      store.setState((state) => ({
        directoryTests: {},
        problems: [],
        directoriesVersion: state.directoriesVersion + 1,
      }));
    },

    removeDirectory(index: number): void {
      editor.edit(['directories', index], undefined);
      store.setState((state) => ({
        directoryTests: {},
        problems: [],
        directoriesVersion: state.directoriesVersion + 1,
      }));
    },

    /** The country picked by name (its calling code goes into the draft with `edit`). */
    setRegion(region: string): void {
      set({ region });
    },

    /**
     * Starts the wizard: on a first run the draft begins with the simulator line and the
     * country of the browser's region (`de-AT`: Austria), else of the computer's locale, so
     * every step has something that works.
     */
    startWizard(browser: { region: string; callingCode: string } | null = null): void {
      const state = store.getState();
      if (!state.firstRun || getAt(state.draft, ['line']) !== undefined) return;
      const country = browser?.callingCode ?? state.defaults?.dialingRules.countryCode;
      set({
        region: browser?.region ?? null,
        draft: {
          line: { provider: 'simulator', line: '1' },
          ...(country === undefined ? {} : { dialingRules: { countryCode: country } }),
        },
      });
    },

    /**
     * Checks the draft as a save would, without saving, and keeps only the problems under
     * `paths` (the wizard's step being left); true when there are none.
     */
    async checkStep(paths: readonly Path[]): Promise<boolean> {
      const draft = store.getState().draft;
      const result = await bridge.invoke('checkSettings', { document: draft });
      const problems = result.ok
        ? []
        : result.problems.filter((problem) => paths.some((path) => hasProblemsUnder([problem], path)));
      // A check of a draft that changed meanwhile says nothing about the new one.
      if (store.getState().draft !== draft) return false;
      set({ problems });
      return problems.length === 0;
    },

    /** Throws the draft away. */
    revert(): void {
      store.setState((state) => ({
        draft: state.saved,
        problems: [],
        justSaved: false,
        saveRefused: false,
        directoriesVersion: state.directoriesVersion + 1,
      }));
    },

    /** Saves the draft; true when saved, false when the Companion found problems (shown by field). */
    async save(): Promise<boolean> {
      set({ phase: 'saving', error: null });
      try {
        const result = await bridge.invoke('saveSettings', { document: store.getState().draft });
        if (!result.ok) {
          set({ phase: 'ready', problems: result.problems, saveRefused: true });
          return false;
        }
        // Read back: typed secrets are now references to the secret store.
        const view = await bridge.invoke('getSettings', {});
        const document = (view.document ?? {}) as Json;
        set({
          phase: 'ready',
          firstRun: false,
          saved: document,
          draft: document,
          problems: [],
          justSaved: true,
          saveRefused: false,
          fileProblems: false,
          templates: view.templates,
        });
        return true;
      } catch (error) {
        set({ phase: 'ready', error: message(error) });
        return false;
      }
    },

    /** Tests the draft's line, as it is now. */
    async testLine(): Promise<void> {
      set({ lineTest: { phase: 'running' } });
      const line = getAt(store.getState().draft, ['line']) ?? {};
      // A verdict belongs to the settings it tested: one that changed meanwhile drops it.
      const current = () =>
        JSON.stringify(getAt(store.getState().draft, ['line']) ?? {}) === JSON.stringify(line);
      try {
        const result = await bridge.invoke('testLine', { line });
        if (!current()) return;
        store.setState((state) => ({
          lineTest: { phase: 'done', result },
          problems:
            'problems' in result ? mergeProblems(state.problems, 'line', result.problems) : state.problems,
        }));
      } catch (error) {
        if (current()) set({ lineTest: { phase: 'failed', error: message(error) } });
      }
    },

    /** Tests one directory of the draft. */
    async testDirectory(index: number): Promise<void> {
      const setTest = (test: TestState<DirectoryTest>) =>
        store.setState((state) => ({ directoryTests: { ...state.directoryTests, [index]: test } }));
      setTest({ phase: 'running' });
      const { directoriesVersion } = store.getState();
      const directory = getAt(store.getState().draft, ['directories', index]) ?? {};
      // Dropped when the list moved or this directory changed while it ran.
      const current = () =>
        store.getState().directoriesVersion === directoriesVersion &&
        JSON.stringify(getAt(store.getState().draft, ['directories', index]) ?? {}) ===
          JSON.stringify(directory);
      try {
        const result = await bridge.invoke('testDirectory', { directory });
        if (!current()) {
          if (store.getState().directoriesVersion === directoriesVersion) setTest({ phase: 'idle' });
          return;
        }
        setTest({ phase: 'done', result });
        if ('problems' in result) {
          const prefix = `directories[${index}]`;
          const problems = result.problems.map((problem) => ({
            path: problem.path === '' ? prefix : `${prefix}.${problem.path}`,
            message: problem.message,
          }));
          store.setState((state) => ({ problems: mergeProblems(state.problems, prefix, problems) }));
        }
      } catch (error) {
        if (current()) setTest({ phase: 'failed', error: message(error) });
        else if (store.getState().directoriesVersion === directoriesVersion) setTest({ phase: 'idle' });
      }
    },
  };
  return editor;
}

/**
 * A field of a line without a provider (a settings file that never named one) edits the
 * simulator's line, which is what the Companion runs then.
 */
function withLineProvider(draft: Json, path: Path): Json {
  if (path[0] !== 'line' || path.length < 2 || getAt(draft, ['line', 'provider']) !== undefined) return draft;
  return setAt(draft, ['line', 'provider'], 'simulator');
}

/** Replaces the problems under `prefix` with `fresh`. */
function mergeProblems(
  current: readonly FieldProblem[],
  prefix: string,
  fresh: readonly FieldProblem[],
): FieldProblem[] {
  const under = (path: string) =>
    path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
  return [...current.filter((problem) => !under(problem.path)), ...fresh];
}
