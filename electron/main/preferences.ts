import { z } from 'zod';
import type { Bounds } from './electron-ports';

/** The part of electron-store main uses; the real store satisfies it, tests pass a Map-backed fake. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

const BoundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(10000),
  height: z.number().int().min(480).max(10000),
});

export const UiPreferencesSchema = z.object({
  largeText: z.boolean().default(false),
  highContrast: z.boolean().default(false),
});
export type UiPreferences = z.infer<typeof UiPreferencesSchema>;

/**
 * Window bounds and UI preferences, kept by main only (never exposed to the renderer as a store).
 * A hand-edited or corrupt preferences file falls back to defaults instead of breaking start-up.
 */
export class Preferences {
  constructor(private readonly store: KeyValueStore) {}

  windowBounds(): Bounds | undefined {
    const parsed = BoundsSchema.safeParse(this.store.get('windowBounds'));
    return parsed.success ? parsed.data : undefined;
  }

  saveWindowBounds(bounds: Bounds): void {
    const parsed = BoundsSchema.safeParse(bounds);
    if (parsed.success) this.store.set('windowBounds', parsed.data);
  }

  ui(): UiPreferences {
    const parsed = UiPreferencesSchema.safeParse(this.store.get('ui') ?? {});
    return parsed.success ? parsed.data : UiPreferencesSchema.parse({});
  }
}
