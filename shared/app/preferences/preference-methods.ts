import { CoreFailure, UserPreferencesSchema, type CoreApi, type UserPreferences } from '../../contract';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';

/** Settings key of one operator's preferences (JSON); the settings table holds them, keyed by user id. */
export const preferencesKey = (userId: string): string => `user-preferences.${userId}`;

function signedInUserId(ctx: CoreContext): string {
  const user = ctx.session.current;
  if (!user) throw new CoreFailure('unauthenticated', 'preferences.signInFirst');
  return user.id;
}

/** What is stored; a value damaged on disk reads as "nothing chosen" rather than blocking the lane. */
function load(ctx: CoreContext, userId: string): UserPreferences {
  const raw = ctx.repos.setting(preferencesKey(userId));
  if (raw === undefined) return {};
  try {
    const parsed = UserPreferencesSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  ctx.logger.warn(`The stored preferences of user ${userId} are unreadable; defaults apply until they are saved again.`);
  return {};
}

/**
 * The signed-in person's own screen preferences (language, large text, high contrast, volume): every
 * role reads and writes only their own, since the user id comes from the session, never from the input.
 */
export function preferenceMethods(ctx: CoreContext): Pick<CoreApi, 'getUserPreferences' | 'saveUserPreferences'> {
  return {
    getUserPreferences: defineMethod('getUserPreferences', () => load(ctx, signedInUserId(ctx)), ctx),
    saveUserPreferences: defineMethod(
      'saveUserPreferences',
      (input) => {
        const userId = signedInUserId(ctx);
        // A partial save (only the language) keeps the other choices.
        const merged: UserPreferences = { ...load(ctx, userId), ...input };
        ctx.repos.setSetting(preferencesKey(userId), JSON.stringify(merged));
        return merged;
      },
      ctx,
    ),
  };
}
