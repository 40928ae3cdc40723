import { describe, expect, it } from 'vitest';
import { isTrustedSender, registerCoreIpc } from '../../../electron/main/core-ipc';
import { CORE_METHOD_NAMES, coreMethods } from '../../../shared/contract';
import type { Dispatch } from '../../../shared/host/dispatch';
import { FakeIpcMain, appFrame } from './fakes';
import { TEST_PIN_HASH_COST } from '../../support/core-session';

const echoDispatch: Dispatch = async (method, input) => ({ ok: true, value: { method, input } });

describe('core IPC in Electron main', () => {
  it('registers exactly one core:<method> handler per CoreApi method', () => {
    const ipc = new FakeIpcMain();
    registerCoreIpc(ipc, echoDispatch);
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.keys(coreMethods).map((m) => `core:${m}`).sort());
    expect(CORE_METHOD_NAMES.length).toBe(ipc.handlers.size);
  });

  it('forwards calls from the app window to the dispatcher', async () => {
    const ipc = new FakeIpcMain();
    registerCoreIpc(ipc, echoDispatch);
    expect(await ipc.invoke('core:scan', appFrame, { payload: 'x' })).toEqual({ ok: true, value: { method: 'scan', input: { payload: 'x' } } });
  });

  it('rejects calls from iframes, foreign pages and destroyed frames', async () => {
    const ipc = new FakeIpcMain();
    registerCoreIpc(ipc, echoDispatch);
    const frames = [
      null,
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///home/user/x.html', parent: null },
      { url: 'app://station/index.html', parent: appFrame },
      { url: 'app://stationx/index.html', parent: null },
    ];
    for (const frame of frames) {
      expect(isTrustedSender(frame)).toBe(false);
      expect(await ipc.invoke('core:getStatus', frame, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('rejects extra arguments and lets the dispatcher validate the payload', async () => {
    const ipc = new FakeIpcMain();
    registerCoreIpc(ipc, echoDispatch);
    expect(await ipc.invoke('core:scan', appFrame, {}, 'extra')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('unregisters every handler', () => {
    const ipc = new FakeIpcMain();
    const unregister = registerCoreIpc(ipc, echoDispatch);
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });
});

describe('core IPC with the real core behind it', () => {
  it('answers malformed payloads from the window with invalid-input, and valid ones normally', async () => {
    const { createCore, silentLogger } = await import('../../../shared/app');
    const { createDispatcher } = await import('../../../shared/host/dispatch');
    const { tempDir } = await import('../../support/temp-dir');
    const { testBootstrap } = await import('../../support/core-session');
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: tempDir(), logger: silentLogger, bootstrap: testBootstrap('operator') });
    const ipc = new FakeIpcMain();
    registerCoreIpc(ipc, createDispatcher(core));
    for (const payload of [undefined, null, 42, 'text', [], { payload: 7 }, { payload: 'x', evil: true }]) {
      expect(await ipc.invoke('core:scan', appFrame, payload)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await ipc.invoke('core:getStatus', appFrame, {})).toMatchObject({ ok: true });
    core.close();
  });
});
