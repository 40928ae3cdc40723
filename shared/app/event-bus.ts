import type { CoreEvent, CoreEventListener } from '../contract';

export class EventBus {
  private readonly listeners = new Set<CoreEventListener>();

  subscribe(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A failing listener (a closed socket, a destroyed window) must not stop the others or the caller. */
  emit(event: CoreEvent, onListenerError: (error: unknown) => void): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        onListenerError(error);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
