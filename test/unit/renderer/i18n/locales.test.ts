import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../../../renderer/i18n/resources';
import { intlCandidates } from '../../../../renderer/i18n/intl-locale';
import { UI_LANGUAGES, type UiLanguage } from '../../../../renderer/i18n/languages';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const VARIABLE = /\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g;

/** `{ a: { b: 'x' } }` → `{ 'ns:a.b': 'x' }`; anything that is not a string (numbers, arrays) is reported as is. */
function flatten(node: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, out);
  } else out.set(prefix, node);
  return out;
}

const variables = (text: string) => [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1]!))].sort();

/** Keys grouped by their base (plural forms together), with the variables of all forms. */
function catalogue(language: UiLanguage, resources: unknown = RESOURCES[language]) {
  const flat = flatten(resources, '', new Map());
  const bases = new Map<string, { forms: string[]; variables: Set<string> }>();
  const problems: string[] = [];
  for (const [key, value] of flat) {
    if (typeof value !== 'string') {
      problems.push(`${language}: ${key} is not a string`);
      continue;
    }
    if (value.trim() === '') problems.push(`${language}: ${key} is empty`);
    const plural = PLURAL.exec(key);
    const base = plural ? key.slice(0, plural.index) : key;
    const entry = bases.get(base) ?? { forms: [], variables: new Set<string>() };
    entry.forms.push(plural ? plural[1]! : '');
    for (const name of variables(value)) entry.variables.add(name);
    bases.set(base, entry);
  }
  return { bases, problems };
}

/** The plural categories the language's own rules use (Node has full ICU). */
const categoriesOf = (language: UiLanguage) => new Intl.PluralRules(intlCandidates(language)[0]).resolvedOptions().pluralCategories as string[];

/** What is wrong with one language compared with English; all lists empty when it is complete. */
function differences(language: UiLanguage, resources: unknown = RESOURCES[language]) {
  const english = catalogue('en');
  const { bases, problems } = catalogue(language, resources);
  const missing = [...english.bases.keys()].filter((key) => !bases.has(key));
  const extra = [...bases.keys()].filter((key) => !english.bases.has(key));
  const variableMismatch: string[] = [];
  const pluralProblems: string[] = [];
  for (const [key, en] of english.bases) {
    const here = bases.get(key);
    if (!here) continue;
    const want = [...en.variables].sort().join(',');
    const got = [...here.variables].sort().join(',');
    if (want !== got) variableMismatch.push(`${key}: English {{${want}}}, ${language} {{${got}}}`);
    if (en.forms.some((form) => form !== '')) {
      // Every category of the language, plus one/other so a runtime without its plural rules still finds a form.
      const need = new Set([...categoriesOf(language), 'one', 'other']);
      const lacking = [...need].filter((form) => !here.forms.includes(form));
      if (lacking.length > 0) pluralProblems.push(`${key}: lacks ${lacking.map((f) => `_${f}`).join(', ')}`);
    } else if (here.forms.some((form) => form !== '')) pluralProblems.push(`${key}: plural forms where English has one text`);
  }
  return { missing, extra, variableMismatch, pluralProblems, problems };
}

const NONE = { missing: [], extra: [], variableMismatch: [], pluralProblems: [], problems: [] };

describe('locale files: every language says everything English says', () => {
  it('English itself has no empty strings', () => {
    const english = catalogue('en');
    expect(english.problems).toEqual([]);
    expect(english.bases.size).toBeGreaterThan(100);
  });

  for (const language of UI_LANGUAGES.filter((l) => l !== 'en')) {
    it(`${language}: same keys, same {{variables}}, the plural forms of the language, nothing empty`, () => {
      expect(differences(language)).toEqual(NONE);
    });
  }

  it('names a dropped key, an extra key, a renamed variable, an empty text and a missing Russian plural form', () => {
    const broken = structuredClone(RESOURCES.ru) as Record<string, Record<string, unknown>>;
    delete broken.login!.title;
    broken.login!.titel = 'Вход';
    broken.status!.station = 'Станция {{stationId}}';
    broken.nav!.lane = ' ';
    delete broken.status!.importedDaysAgo_few;
    expect(differences('ru', broken)).toEqual({
      missing: ['login.title'],
      extra: ['login.titel'],
      variableMismatch: ['status.station: English {{id}}, ru {{stationId}}'],
      pluralProblems: ['status.importedDaysAgo: lacks _few'],
      problems: ['ru: nav.lane is empty'],
    });
  });
});
