/** The call-log window's preload: read the journal, call back, dial. */
import { contextBridge, ipcRenderer } from 'electron';
import { WINDOW_VERBS } from '../contract/windows.js';
import { exposeVerbs } from './expose-verbs.js';

exposeVerbs(contextBridge, ipcRenderer, WINDOW_VERBS.calls);
