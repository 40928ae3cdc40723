import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../../shared/app';
import { ERROR_MESSAGES, keyedError, type ErrorKey } from '../../../../shared/contract';
import { createI18n } from '../../../../renderer/i18n/create-i18n';
import { errorText } from '../../../../renderer/i18n/error-text';
import { UI_LANGUAGES } from '../../../../renderer/i18n/languages';
import { RESOURCES } from '../../../../renderer/i18n/resources';
import { PLAIN_STATION, TEST_PIN, TEST_USERNAME, testBootstrap } from '../../../support/core-session';
import { tempDir } from '../../../support/temp-dir';

const KEYS = Object.keys(ERROR_MESSAGES) as ErrorKey[];
const VARIABLE = /\{\{(\w+)\}\}/g;
/** A value for every slot of a key, shaped as the core sends it (codes for the slots the screen translates). */
const sampleParams = (key: ErrorKey): Record<string, string | number> => {
  const params: Record<string, string | number> = {};
  const samples: Record<string, string | number> = { role: 'operator', roles: 'admin,shift-lead', outcome: 'NOT_OK', end: 'exit', status: 'acknowledged', stage: 'arrived', until: '2021-03-01T09:15:00.000Z' };
  for (const [, name] of ERROR_MESSAGES[key].matchAll(VARIABLE)) params[name!] = samples[name!] ?? `X${name}`;
  return params;
};
const resource = (language: string, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], (RESOURCES as Record<string, { errors: unknown }>)[language]!.errors);

describe('core errors in the operator language', () => {
  it("en.json's errors are the core's English sentences, key for key", () => {
    for (const key of KEYS) expect(resource('en', key), key).toBe(ERROR_MESSAGES[key]);
  });

  it('every error key the core can send is translated in every language, all values filled, never the English sentence', () => {
    for (const language of UI_LANGUAGES.filter((l) => l !== 'en')) {
      const i18n = createI18n(language);
      for (const key of KEYS) {
        const error = keyedError('conflict', key, sampleParams(key));
        const text = errorText(i18n, error);
        expect(text, `${language} ${key}`).not.toBe(error.message);
        expect(text, `${language} ${key}`).not.toMatch(/\{\{|\bundefined\b/);
      }
    }
  });

  it('roles, ends and instants in the values are shown in words of the language', () => {
    const forbidden = keyedError('forbidden', 'access.forbidden', { method: 'listScanners', role: 'shift-lead', roles: 'admin' });
    expect(errorText(createI18n('ru'), forbidden)).toBe('Вы вошли как «Старший смены» и не можете это сделать (listScanners); нужна роль: Администратор.');
    const locked = keyedError('forbidden', 'auth.locked', { user: 'aziza', until: '2021-03-01T09:15:00.000Z' });
    expect(errorText(createI18n('kk'), locked)).toMatch(/^Қате PIN-код тым көп: aziza \d\d:\d\d дейін/);
    expect(errorText(createI18n('en'), locked)).toMatch(/aziza is locked until \d\d:\d\d\./);
  });

  it('an input refused by the contract names the field and the rule in the language, not zod’s English (real core)', async () => {
    const core = await createCore({ dataDir: tempDir(), logger: silentLogger });
    try {
      const result = await core.bootstrapStation({ ...PLAIN_STATION, admin: { ...PLAIN_STATION.admin, pin: '123' } });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.message).toContain('admin.pin');
      expect(errorText(createI18n('ru'), result.error)).toBe('PIN-код: не меньше 6 символов.');
      expect(errorText(createI18n('uz'), result.error)).toBe('PIN-kod: kamida 6 ta belgi.');
      expect(errorText(createI18n('en'), result.error)).toBe('PIN: at least 6 characters.');
      const easy = await core.bootstrapStation({ ...PLAIN_STATION, admin: { ...PLAIN_STATION.admin, pin: '123456' } });
      if (easy.ok) throw new Error('an easy PIN was taken');
      expect(easy.error.key).toBe('auth.pinTooEasy');
      expect(errorText(createI18n('tg'), easy.error)).toBe('Ин PIN-рамзро ёфтан хеле осон аст (рақамҳои такрорӣ ё пай дар пай).');
    } finally {
      core.close();
    }
  });

  it('a refused call and a wrong PIN from a real core come back with a key the screens translate', async () => {
    const core = await createCore({ dataDir: tempDir(), logger: silentLogger, bootstrap: testBootstrap('operator') });
    try {
      const refused = await core.assignScanner({ assignment: { device: { vendorId: 0x05e0, productId: 0x1200 }, kind: 'hid-keyboard', lane: 'A' } });
      if (refused.ok) throw new Error('an operator assigned a scanner');
      expect(refused.error).toMatchObject({ code: 'forbidden', key: 'access.forbidden', params: { role: 'operator', roles: 'admin' } });
      expect(errorText(createI18n('ru'), refused.error)).toContain('«Оператор»');
      await core.logout({});
      const wrong = await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.admin });
      if (wrong.ok) throw new Error('a wrong PIN signed in');
      expect(wrong.error.key).toMatch(/^auth\./);
      for (const language of UI_LANGUAGES.filter((l) => l !== 'en')) expect(errorText(createI18n(language), wrong.error), language).not.toBe(wrong.error.message);
    } finally {
      core.close();
    }
  });

  it('an error without a key (a host refusing a request) is a sentence for its code, never English in another language', () => {
    const bare = { code: 'unauthenticated', message: 'Missing or wrong station token: open the address the station printed at start.' };
    expect(errorText(createI18n('en'), bare)).toBe(bare.message);
    expect(errorText(createI18n('ru'), bare)).toBe('Сначала войдите.');
  });

  it('no screen shows a core error’s English message itself: every one goes through errorText', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && !file.endsWith(path.join('i18n', 'error-text.ts'))) {
          fs.readFileSync(file, 'utf8')
            .split('\n')
            .forEach((line, index) => {
              // Exempt: a thrown Error's detail inside a translated sentence (camera decoder, JSON parser), a key carried in an Error.
              const exempt = /instanceof Error|setDecodeProblem|decoded\.error|paper\.\$\{error\.message/.test(line);
              if (/\berror\.message\b|issues\??\.?\[0\]\??\.message/.test(line) && !exempt) offenders.push(`${file}:${index + 1}: ${line.trim()}`);
            });
        }
      }
    };
    walk('renderer');
    expect(offenders).toEqual([]);
  });
});
