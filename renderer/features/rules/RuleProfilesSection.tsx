import { useCallback, useEffect, useMemo, useState } from 'react';
import { useErrorText } from '../../i18n';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { RuleProfileListSchema } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';
import { useFormat } from '../../i18n/use-format';
import { checkDraft, draftText } from './profile-draft';

type RuleProfileList = z.infer<typeof RuleProfileListSchema>;
type StoredProfile = RuleProfileList['items'][number];

/**
 * Corridor rule profiles: which is in effect, every saved version, and (for admins) an editor that saves
 * a new version. Rules are data: the JSON is checked against the core's schema while typing.
 */
export function RuleProfilesSection({ mayEdit }: { mayEdit: boolean }) {
  const core = useCore();
  const { t } = useTranslation('rules');
  const errorText = useErrorText();
  const format = useFormat();
  const [list, setList] = useState<RuleProfileList | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  const refresh = useCallback(async () => {
    const result = await core.listRuleProfiles({ history: true });
    if (result.ok) setList(result.value);
    else setMessage({ text: errorText(result.error), isError: true });
  }, [core, errorText]);
  useEffect(() => void refresh(), [refresh]);

  // Newest version first within each profile.
  const versions = useMemo(() => {
    const byId = new Map<string, StoredProfile[]>();
    for (const item of list?.items ?? []) byId.set(item.profile.id, [...(byId.get(item.profile.id) ?? []), item]);
    for (const items of byId.values()) items.sort((a, b) => b.profile.version - a.profile.version);
    return byId;
  }, [list]);

  const open = (id: string) => {
    const latest = versions.get(id)?.[0];
    if (!latest) return;
    setSelected(id);
    setDraft(draftText(latest.profile));
    setMessage(null);
  };

  const check = useMemo(() => (draft ? checkDraft(draft) : null), [draft]);

  const save = async () => {
    if (!check?.ok) return;
    const latest = selected ? versions.get(selected)?.[0] : undefined;
    // Sending the expected next number makes a concurrent edit by another admin fail instead of overwrite.
    const sameProfile = latest && latest.profile.id === check.profile.id;
    const result = await core.saveRuleProfile({ profile: { ...check.profile, ...(sameProfile ? { version: latest.profile.version + 1 } : {}) } });
    if (result.ok) {
      setMessage({ text: t('profileSaved', { id: result.value.profile.id, version: result.value.profile.version }), isError: false });
      setSelected(result.value.profile.id);
      setDraft(draftText(result.value.profile));
      void refresh();
    } else {
      setMessage({ text: errorText(result.error), isError: true });
    }
  };

  const inEffect = list?.inEffect;
  return (
    <section className="card" aria-labelledby="rules-heading" data-testid="rule-profiles-section">
      <h2 id="rules-heading">{t('profiles')}</h2>
      {message && (
        <p className={message.isError ? 'error-banner' : 'notice'} role={message.isError ? 'alert' : 'status'} data-testid="rules-message">
          {message.text}
        </p>
      )}
      <p data-testid="rules-in-effect">
        {t('inEffectEntry')}: {inEffect?.entry ? t('profileRef', { name: inEffect.entry.name, id: inEffect.entry.id, version: inEffect.entry.version }) : t('none')} · {t('inEffectExit')}:{' '}
        {inEffect?.exit ? t('profileRef', { name: inEffect.exit.name, id: inEffect.exit.id, version: inEffect.exit.version }) : t('none')}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('profile')}</th>
            <th scope="col">{t('version')}</th>
            <th scope="col">{t('corridor')}</th>
            <th scope="col">{t('effectiveFrom')}</th>
            <th scope="col">{t('savedBy')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {[...versions.entries()].map(([id, items]) =>
            items.map((item, index) => (
              <tr key={`${id}-${item.profile.version}`} data-testid="rule-profile-row" className={index > 0 ? 'muted' : undefined}>
                <td>{index === 0 ? `${item.profile.name} (${id})` : ''}</td>
                <td>{t('versionShort', { version: item.profile.version })}</td>
                <td>
                  {item.profile.corridor} · {t(`direction_${item.profile.direction}`)}
                </td>
                <td>{format.dateTime(item.profile.effectiveFrom)}</td>
                <td>
                  {item.savedBy} · {format.dateTime(item.savedAt)}
                </td>
                <td>
                  {index === 0 && (
                    <button type="button" className="button" onClick={() => open(id)} data-testid={`rule-open-${id}`}>
                      {mayEdit ? t('edit') : t('view')}
                    </button>
                  )}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      {selected && (
        <div className="rules-editor">
          <label>
            {mayEdit ? t('editorLabel') : t('viewerLabel')}
            <textarea
              className="mono"
              rows={24}
              spellCheck={false}
              readOnly={!mayEdit}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              data-testid="rule-editor"
            />
          </label>
          {check && !check.ok && (
            <ul className="error-banner" data-testid="rule-problems">
              {check.problems.map((problem, index) => (
                <li key={index}>{problem.path ? `${problem.path}: ${problem.message}` : problem.message}</li>
              ))}
            </ul>
          )}
          {mayEdit && (
            <button type="button" className="button button--primary" disabled={!check?.ok} onClick={() => void save()} data-testid="rule-save">
              {t('saveVersion')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
