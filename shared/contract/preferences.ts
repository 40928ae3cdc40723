import { z } from 'zod';

/** The languages the station's screens are written in: English, Russian, Uzbek (Latin), Tajik, Kazakh. */
export const UI_LANGUAGES = ['en', 'ru', 'uz', 'tg', 'kk'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const UiLanguageSchema = z.enum(UI_LANGUAGES);

/**
 * What one operator chose for their own screen; it follows them to any lane of the station.
 * Every field is optional: an operator who never chose keeps the station's defaults.
 */
export const UserPreferencesSchema = z.strictObject({
  language: UiLanguageSchema.optional(),
  /** Larger type on the lane (lane ergonomics). */
  largeText: z.boolean().optional(),
  highContrast: z.boolean().optional(),
  /** Sound volume of outcome signals, 0 (silent) to 1. */
  volume: z.number().min(0).max(1).optional(),
});
export type UserPreferences = z.infer<typeof UserPreferencesSchema>;

export const GetUserPreferencesInputSchema = z.strictObject({});
/** Saving merges: fields left out keep their stored value. */
export const SaveUserPreferencesInputSchema = UserPreferencesSchema;
