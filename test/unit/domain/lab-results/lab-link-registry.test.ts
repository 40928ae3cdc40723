import { describe, expect, it } from 'vitest';
import { classifyLabLink, parseLabLinkRegistry } from '../../../../shared/domain/lab-results';

const REGISTRY = JSON.stringify({
  format: 'checkpoint-lab-links',
  version: 1,
  patterns: [
    { labId: 'kz-olymp', name: 'Olymp Laboratory', country: 'KZ', host: 'result.olymp.kz', path: '/check/{id}' },
    { labId: 'kz-invivo', name: 'Invivo', country: 'KZ', host: '*.invivo.kz', path: '/covid/*/result', idParam: 'code' },
    { labId: 'uz-ssv', name: 'SSV Uzbekistan', country: 'UZ', host: 'pcr.ssv.uz', path: '/r', idParam: 'id', onlineVerifiable: true },
  ],
});

describe('lab-link registry', () => {
  const parsed = parseLabLinkRegistry(REGISTRY);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const registry = parsed.value;

  it('classifies a link to its lab and result id, in the path or a query parameter', () => {
    expect(classifyLabLink('https://result.olymp.kz/check/OLY-2021-0601-0003', registry)).toMatchObject({ status: 'classified', id: 'OLY-2021-0601-0003', pattern: { labId: 'kz-olymp' } });
    expect(classifyLabLink('https://almaty.invivo.kz/covid/2021/result?code=INV%2F77&lang=ru', registry)).toMatchObject({ status: 'classified', id: 'INV/77', pattern: { labId: 'kz-invivo' } });
    expect(classifyLabLink('https://pcr.ssv.uz/r?id=12345', registry)).toMatchObject({ status: 'classified', id: '12345', pattern: { onlineVerifiable: true } });
  });

  it('says when a known lab’s link has another form, and when the host is unknown; look-alike hosts are unknown', () => {
    expect(classifyLabLink('https://result.olymp.kz/news/2021', registry)).toMatchObject({ status: 'unknown-form', pattern: { labId: 'kz-olymp' } });
    expect(classifyLabLink('https://pcr.ssv.uz/r', registry)).toMatchObject({ status: 'unknown-form' });
    expect(classifyLabLink('https://result.olymp.kz.evil.example/check/1', registry)).toEqual({ status: 'unknown-host', host: 'result.olymp.kz.evil.example' });
    expect(classifyLabLink('https://invivo.kz/covid/2021/result?code=1', registry)).toEqual({ status: 'unknown-host', host: 'invivo.kz' });
    expect(classifyLabLink('not a link', registry)).toBeUndefined();
  });

  it('refuses a registry with one bad pattern, naming it', () => {
    const bad = JSON.stringify({ format: 'checkpoint-lab-links', version: 1, patterns: [{ labId: 'x', name: 'X', country: 'KZ', host: 'x.kz', path: '/r' }] });
    expect(parseLabLinkRegistry(bad)).toEqual({ ok: false, error: { code: 'invalid', message: 'pattern 1: say where the id is: {id} in the path, or idParam' } });
    expect(parseLabLinkRegistry('[]')).toMatchObject({ ok: false });
  });
});
