/**
 * The CoreApi method names, without zod, so the sandboxed Electron preload can stay tiny.
 * `core-api.ts` proves at compile time that this list equals the schema table's keys.
 */
export const CORE_METHOD_NAMES = ['scan', 'recordCrossing', 'listCrossings', 'getStatus'] as const;
export type CoreMethodName = (typeof CORE_METHOD_NAMES)[number];

export const CORE_EVENT_CHANNEL = 'core:event';
export const ipcChannelFor = (method: CoreMethodName): string => `core:${method}`;
