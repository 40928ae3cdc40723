import { contextBridge, ipcRenderer } from 'electron';
import { exposeCore } from './core-bridge';

exposeCore(contextBridge, ipcRenderer);
