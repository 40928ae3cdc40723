import type {
  Bounds,
  EventLike,
  FrameLike,
  IpcMainInvokeEventLike,
  IpcMainLike,
  PermissionRequestDetails,
  SessionLike,
  WebContentsLike,
  WindowConstructor,
  WindowLike,
} from '../../../electron/main/electron-ports';

type Listener = (...args: never[]) => unknown;

/** Behaves like the parts of Electron's BrowserWindow/webContents/session that main uses. */
export class FakeSession implements SessionLike {
  requestHandler?: (wc: unknown, permission: string, cb: (granted: boolean) => void, details: PermissionRequestDetails) => void;
  checkHandler?: (wc: unknown, permission: string, origin: string) => boolean;
  setPermissionRequestHandler(handler: NonNullable<FakeSession['requestHandler']>): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['checkHandler']>): void {
    this.checkHandler = handler;
  }
  /** Asks the installed handler like Chromium would, and returns its answer. */
  request(permission: string, requestingUrl: string): boolean {
    let granted: boolean | undefined;
    this.requestHandler?.(undefined, permission, (answer) => (granted = answer), { requestingUrl });
    if (granted === undefined) throw new Error('permission handler never answered');
    return granted;
  }
}

export class FakeWebContents implements WebContentsLike {
  readonly session = new FakeSession();
  readonly listeners = new Map<string, Listener[]>();
  readonly sent: { channel: string; payload: unknown }[] = [];
  openHandler?: (details: { url: string }) => { action: 'deny' } | { action: 'allow' };
  destroyed = false;
  setWindowOpenHandler(handler: NonNullable<FakeWebContents['openHandler']>): void {
    this.openHandler = handler;
  }
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Fires a navigation-like event and reports whether any listener prevented it. */
  emitPreventable(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const e: EventLike = { preventDefault: () => (prevented = true) };
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(e, ...args);
    return prevented;
  }
}

export class FakeBrowserWindow implements WindowLike {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  readonly listeners = new Map<string, (() => void)[]>();
  shown = false;
  constructor(readonly options: ConstructorParameters<WindowConstructor>[0]) {
    FakeBrowserWindow.created.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  on(event: string, listener: () => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: () => void): this {
    return this.on(event, listener);
  }
  emit(event: string): void {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }
  getBounds(): Bounds {
    return { x: 10, y: 20, width: 1400, height: 900 };
  }
  show(): void {
    this.shown = true;
  }
  isDestroyed(): boolean {
    return false;
  }
}

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: IpcMainInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, listener: (event: IpcMainInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, frame: FrameLike | null, ...args: unknown[]): Promise<unknown> {
    return this.invokeWith(channel, { senderFrame: frame }, ...args);
  }
  invokeWith(channel: string, event: IpcMainInvokeEventLike, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

export const appFrame: FrameLike = { url: 'app://station/index.html', parent: null };
