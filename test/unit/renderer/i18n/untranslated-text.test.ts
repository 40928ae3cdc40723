import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUntranslated } from './untranslated-text';

const ROOT = resolve(import.meta.dirname, '../../../..');

/**
 * Text that is the same in every language, each with why. Anything else visible must go through t().
 * Entries are `file: text`; a stale entry (the text is gone) fails too, so the list only shrinks.
 */
const ALLOWED: Record<string, string> = {
  // A format example of a checkpoint code, not a word.
  'renderer/features/login/FirstRunScreen.tsx: OYBEK': 'example code',
  // Transport failures become CoreError messages, shown like the core's own (English) messages.
  'renderer/core-client/http-core-client.ts: The station service is not reachable. Is it still running? Nothing was sent.': 'core error message',
  'renderer/core-client/http-core-client.ts: `The station service answered ${response.status} without a readable result.`': 'core error message',
  // Shown before the i18n instance exists (the page could not reach the core at all).
  'renderer/core-client/select-core-client.ts: This page was opened without the station token. Open the full address the station printed when it started.': 'startup, before i18n',
};

/** Screens still being converted by their authors; each one leaving this list is checked from then on. */
const PENDING: readonly string[] = [];

describe('no untranslated text in the renderer', () => {
  it('every JSX text and every placeholder / title / aria-label / alt goes through t()', () => {
    const findings = findUntranslated(ROOT, 'renderer').filter((f) => !PENDING.some((dir) => f.file.startsWith(dir)));
    const seen = new Set<string>();
    const offending = findings.filter((f) => {
      const key = `${f.file}: ${f.text}`;
      seen.add(key);
      return !(key in ALLOWED);
    });
    expect(offending.map((f) => `${f.file}:${f.line} (${f.why}) ${JSON.stringify(f.text)}`)).toEqual([]);
    const stale = Object.keys(ALLOWED).filter((key) => !seen.has(key));
    expect(stale, 'allow-list entries whose text is gone').toEqual([]);
  });

  it('finds JSX text, text props, prose in strings and templates, and leaves code, keys, CSS and t() alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'untranslated-'));
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(
      join(dir, 'renderer', 'Sample.tsx'),
      [
        "import { useTranslation } from 'react-i18next';",
        'export function Sample({ n }: { n: number }) {',
        "  const { t } = useTranslation('lane');",
        "  const note = n > 1 ? 'Several people are waiting' : t('waiting');",
        "  if (n < 0) throw new Error('negative count is a bug');",
        '  return (',
        '    <div className="card card--wide" data-testid="sample-box" title="Shown on hover">',
        '      Waiting for a scan',
        '      <kbd>F2</kbd>',
        "      <input placeholder={'Type a name'} aria-label={t('scanLabel')} />",
        '      <p>{`${n} travellers in the queue`}</p>',
        '      {note} · {n}',
        '    </div>',
        '  );',
        '}',
      ].join('\n'),
    );
    const found = findUntranslated(dir, 'renderer').map((f) => `${f.line} ${f.why}: ${f.text}`);
    expect(found).toEqual([
      '4 string literal: Several people are waiting',
      '7 title prop: Shown on hover',
      '8 JSX text: Waiting for a scan',
      '10 placeholder prop: Type a name',
      '11 template literal: `${n} travellers in the queue`',
    ]);
  });
});
