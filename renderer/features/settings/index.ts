// Display and sound preferences of the signed-in operator (lane ergonomics): large text, high contrast, volume.
export { DisplaySettingsButton } from './DisplaySettingsPanel';
export { DISPLAY_SHORTCUTS, DisplaySettingsProvider, useDisplaySettings } from './DisplaySettingsProvider';
export { DEFAULT_DISPLAY, nextVolume, VOLUME_STEPS, type DisplaySettings } from './display-settings';
