import type { UserPreferences } from '../../../shared/contract/preferences';

/** What the lane's look and sound depend on; the stored user preferences with the defaults filled in. */
export interface DisplaySettings {
  readonly largeText: boolean;
  readonly highContrast: boolean;
  /** 0 (silent) to 1. */
  readonly volume: number;
}

export const DEFAULT_DISPLAY: DisplaySettings = { largeText: false, highContrast: false, volume: 0.7 };

/** Volume steps offered on screen and by the shortcut: silent, quiet, medium, loud. */
export const VOLUME_STEPS = [0, 0.35, 0.7, 1] as const;

export function displayOf(preferences: UserPreferences | null | undefined): DisplaySettings {
  return {
    largeText: preferences?.largeText ?? DEFAULT_DISPLAY.largeText,
    highContrast: preferences?.highContrast ?? DEFAULT_DISPLAY.highContrast,
    volume: preferences?.volume ?? DEFAULT_DISPLAY.volume,
  };
}

/** The next volume step after `volume` (loudest wraps round to silent). */
export function nextVolume(volume: number): number {
  return VOLUME_STEPS.find((step) => step > volume + 1e-9) ?? VOLUME_STEPS[0];
}

/** Themes are classes on the root element: every size is in rem and every colour a custom property (themes.css). */
export function applyDisplay(root: HTMLElement, settings: DisplaySettings): void {
  root.classList.toggle('large-text', settings.largeText);
  root.classList.toggle('high-contrast', settings.highContrast);
}
