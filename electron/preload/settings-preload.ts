/** The settings window's preload: read, test and save the settings; previews. */
import { contextBridge, ipcRenderer } from 'electron';
import { WINDOW_VERBS } from '../contract/windows.js';
import { exposeVerbs } from './expose-verbs.js';

exposeVerbs(contextBridge, ipcRenderer, WINDOW_VERBS.settings);
