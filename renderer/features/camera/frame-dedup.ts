/**
 * Camera frames come every ~150 ms and a code held up to the lens is seen in dozens of them, with the
 * odd frame missed (blur, glare). A code is submitted once when it appears, and again only after it has
 * been out of sight for `forgetAfterMs` (taken away and shown again), never once per frame.
 */
export interface FrameCode {
  readonly text: string;
  readonly format: string;
}

export interface FrameDeduplicator {
  /** The codes of this frame that are new: not seen in the frames of the last `forgetAfterMs`. */
  next<C extends FrameCode>(codes: readonly C[], atMs: number): C[];
  /** Forgets everything (the camera was closed, or the lane moved on to the next traveller). */
  reset(): void;
}

export const DEFAULT_FORGET_AFTER_MS = 2500;

export function createFrameDeduplicator(forgetAfterMs = DEFAULT_FORGET_AFTER_MS): FrameDeduplicator {
  const lastSeen = new Map<string, number>();
  return {
    next(codes, atMs) {
      for (const [key, seenAt] of lastSeen) {
        if (atMs - seenAt > forgetAfterMs) lastSeen.delete(key);
      }
      const fresh: (typeof codes)[number][] = [];
      for (const code of codes) {
        const key = `${code.format}\u0000${code.text}`;
        if (!lastSeen.has(key)) fresh.push(code);
        lastSeen.set(key, atMs);
      }
      return fresh;
    },
    reset() {
      lastSeen.clear();
    },
  };
}
