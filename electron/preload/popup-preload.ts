/** The popup window's preload: pick a contact, open an action, close the popup. */
import { contextBridge, ipcRenderer } from 'electron';
import { WINDOW_VERBS } from '../contract/windows.js';
import { exposeVerbs } from './expose-verbs.js';

exposeVerbs(contextBridge, ipcRenderer, WINDOW_VERBS.popup);
