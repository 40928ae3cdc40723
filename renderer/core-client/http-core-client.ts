import { CORE_METHOD_NAMES, coreError, type CoreEvent, type CoreEventListener, type CoreResult } from '../../shared/contract';
import { err } from '../../shared/domain/result';
import type { CoreClient } from './core-client';

export interface HttpCoreClientOptions {
  readonly origin: string;
  readonly token: string;
  readonly fetch?: typeof fetch;
  readonly WebSocket?: typeof WebSocket;
}

const RECONNECT_MS = [500, 1000, 2000, 5000];

/** The browser-host transport: POST /api/<method> for calls, one WebSocket for core events. */
export function createHttpCoreClient(options: HttpCoreClientOptions): CoreClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const client: Record<string, unknown> = { transport: 'http' };
  for (const method of CORE_METHOD_NAMES) {
    client[method] = async (input: unknown): Promise<CoreResult<unknown>> => {
      let response: Response;
      try {
        response = await doFetch(`${options.origin}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.token}` },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return err(coreError('unavailable', 'The station service is not reachable. Is it still running? Nothing was sent.'));
      }
      try {
        return (await response.json()) as CoreResult<unknown>;
      } catch {
        return err(coreError('internal', `The station service answered ${response.status} without a readable result.`));
      }
    };
  }
  const listeners = new Set<CoreEventListener>();
  let socket: WebSocket | undefined;
  let attempt = 0;
  const Socket = options.WebSocket ?? globalThis.WebSocket;
  const connect = () => {
    if (listeners.size === 0 || socket) return;
    const wsOrigin = options.origin.replace(/^http/, 'ws');
    socket = new Socket(`${wsOrigin}/api/events?token=${encodeURIComponent(options.token)}`);
    socket.onopen = () => {
      attempt = 0;
    };
    socket.onmessage = (message) => {
      let event: CoreEvent;
      try {
        event = JSON.parse(String(message.data)) as CoreEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    };
    socket.onclose = () => {
      socket = undefined;
      if (listeners.size === 0) return;
      const delay = RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)];
      attempt += 1;
      setTimeout(connect, delay);
    };
  };
  client.onEvent = (listener: CoreEventListener) => {
    listeners.add(listener);
    connect();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) socket?.close();
    };
  };
  return client as unknown as CoreClient;
}
