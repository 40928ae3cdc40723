import { RuleProfileSchema } from '../../../shared/contract';
import type { RuleProfile } from '../../../shared/domain/rules';

/** What the editor shows: the profile without its version (the core numbers versions). */
export function draftText(profile: RuleProfile): string {
  const { version: _version, ...rest } = profile;
  return JSON.stringify(rest, null, 2);
}

export type DraftCheck =
  | { readonly ok: true; readonly profile: Omit<RuleProfile, 'version'> }
  | { readonly ok: false; readonly problems: readonly { readonly path: string; readonly message: string }[] };

/**
 * Validates the edited JSON with the same zod schema the core uses, so the admin sees each problem with
 * its place before saving; the core checks again on save.
 */
export function checkDraft(text: string): DraftCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: error instanceof Error ? error.message : String(error) }] };
  }
  const result = RuleProfileSchema.omit({ version: true }).safeParse(parsed);
  if (result.success) return { ok: true, profile: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) };
}
