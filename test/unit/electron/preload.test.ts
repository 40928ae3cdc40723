import { describe, expect, it } from 'vitest';
import { buildCoreBridge, exposeCore, type IpcRendererLike } from '../../../electron/preload/core-bridge';
import { CORE_METHOD_NAMES } from '../../../shared/contract';

class FakeIpcRenderer implements IpcRendererLike {
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  readonly listeners = new Map<string, ((event: unknown, payload: unknown) => void)[]>();
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return { ok: true, value: channel };
  }
  on(channel: string, listener: (event: unknown, payload: unknown) => void): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): this {
    this.listeners.set(channel, (this.listeners.get(channel) ?? []).filter((l) => l !== listener));
    return this;
  }
  emit(channel: string, payload: unknown): void {
    for (const listener of this.listeners.get(channel) ?? []) listener({ sender: 'ipcRenderer internals' }, payload);
  }
}

describe('preload', () => {
  it('exposes exactly window.core, once', () => {
    const exposed: [string, unknown][] = [];
    exposeCore({ exposeInMainWorld: (key, api) => exposed.push([key, api]) }, new FakeIpcRenderer());
    expect(exposed.map(([key]) => key)).toEqual(['core']);
  });

  it('window.core holds the CoreApi methods plus onEvent and printToPdf, and nothing else', () => {
    const bridge = buildCoreBridge(new FakeIpcRenderer());
    expect(Object.keys(bridge).sort()).toEqual([...CORE_METHOD_NAMES, 'onEvent', 'printToPdf'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('each method invokes its own core:<method> channel with one argument', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = buildCoreBridge(ipc);
    await bridge.scan({ payload: 'P<' });
    await bridge.getStatus();
    await bridge.printToPdf({ folder: '/media/usb', fileName: 'report.pdf' });
    expect(ipc.invoked).toEqual([
      { channel: 'core:scan', args: [{ payload: 'P<' }] },
      { channel: 'core:getStatus', args: [{}] },
      { channel: 'host:printToPdf', args: [{ folder: '/media/usb', fileName: 'report.pdf' }] },
    ]);
  });

  it('onEvent passes only the payload (never the IPC event object) and unsubscribes', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = buildCoreBridge(ipc);
    const seen: unknown[][] = [];
    const unsubscribe = bridge.onEvent((...args: unknown[]) => seen.push(args));
    ipc.emit('core:event', { type: 'crossing-recorded' });
    unsubscribe();
    ipc.emit('core:event', { type: 'crossing-recorded' });
    expect(seen).toEqual([[{ type: 'crossing-recorded' }]]);
    expect(() => bridge.onEvent('not a function' as never)).toThrow(TypeError);
  });
});
