import { join } from 'node:path';
import { app } from 'electron';

export const databasePath = (): string => join(app.getPath('userData'), 'jabberdesk.sqlite');
export const rendererIndex = (): string => join(app.getAppPath(), 'dist', 'renderer', 'index.html');
export const preloadPath = (): string => join(app.getAppPath(), 'dist', 'preload', 'preload.cjs');
export const assetPath = (name: string): string => join(app.getAppPath(), 'assets', name);
export const windowStatePath = (): string => join(app.getPath('userData'), 'window-state.json');
