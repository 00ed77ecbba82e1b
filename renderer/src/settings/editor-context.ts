/** The settings editor of the window, handed to every form component. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EditorState, SettingsEditor } from './settings-editor.js';

export const EditorContext = createContext<SettingsEditor | null>(null);

export function useEditor(): SettingsEditor {
  const editor = useContext(EditorContext);
  if (editor === null) throw new Error('EditorContext is missing');
  return editor;
}

/** Reads a slice of the editor's state, re-rendering when it changes (return stable values). */
export function useEditorState<T>(select: (state: EditorState) => T): T {
  return useStore(useEditor().store, select);
}
