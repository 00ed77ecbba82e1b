/** The dial confirmation window's preload: what waits, and the agent's yes or no. */
import { contextBridge, ipcRenderer } from 'electron';
import { WINDOW_VERBS } from '../contract/windows.js';
import { exposeVerbs } from './expose-verbs.js';

exposeVerbs(contextBridge, ipcRenderer, WINDOW_VERBS.confirm);
