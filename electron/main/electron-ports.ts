/**
 * The slices of Electron's API that main uses, as interfaces: the real objects satisfy them, and the
 * unit tests pass fakes (the Electron binary cannot be downloaded on our build machines).
 */
export interface Bounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface EventLike {
  preventDefault(): void;
}

export interface PermissionRequestDetails {
  requestingUrl?: string;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: PermissionRequestDetails) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean): void;
}

export interface WebContentsLike {
  readonly session: SessionLike;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: EventLike, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: EventLike) => void): unknown;
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

export interface WindowLike {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  on(event: 'close' | 'closed', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  getBounds(): Bounds;
  show(): void;
  isDestroyed(): boolean;
}

export type WindowConstructor = new (options: {
  width: number;
  height: number;
  x?: number;
  y?: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  backgroundColor: string;
  title: string;
  autoHideMenuBar: boolean;
  webPreferences: Record<string, unknown>;
}) => WindowLike;

export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/** The options of webContents.printToPDF that main sets (Electron ≥ 21 names). */
export interface PrintToPdfOptions {
  readonly pageSize: 'A4';
  readonly printBackground: boolean;
  readonly landscape: boolean;
  readonly margins: { readonly marginType: 'default' };
}

export interface PrintableContentsLike {
  printToPDF(options: PrintToPdfOptions): Promise<Uint8Array>;
}

export interface IpcMainInvokeEventLike {
  readonly senderFrame: FrameLike | null;
  /** The webContents that sent the call (only the print handler uses it). */
  readonly sender?: PrintableContentsLike;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}
