import { deflateSync, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflateZlib, MAX_INFLATED_BYTES } from '../../../../shared/domain/dcc';

describe('inflateZlib', () => {
  const data = new TextEncoder().encode('COSE bytes '.repeat(100));

  it('inflates a zlib stream', () => {
    const result = inflateZlib(zlibSync(data));
    expect(result.ok && [...result.value]).toEqual([...data]);
  });

  it('accepts output of exactly the cap and refuses one byte more', () => {
    const atCap = new Uint8Array(1000).fill(65);
    expect(inflateZlib(zlibSync(atCap), 1000)).toMatchObject({ ok: true });
    expect(inflateZlib(zlibSync(new Uint8Array(1001)), 1000)).toMatchObject({
      ok: false,
      error: { code: 'output_too_large' },
    });
  });

  it('stops a zip bomb at 64 KiB with a clear error', () => {
    const bomb = zlibSync(new Uint8Array(16 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(20_000);
    const result = inflateZlib(bomb);
    expect(result).toMatchObject({ ok: false, error: { code: 'output_too_large' } });
    expect(!result.ok && result.error.message).toContain(`${MAX_INFLATED_BYTES} bytes`);
  });

  it('stops a bomb made of stored blocks too', () => {
    const stored = zlibSync(new Uint8Array(200_000).map((_, i) => i & 0xff), { level: 0 });
    expect(inflateZlib(stored)).toMatchObject({ ok: false, error: { code: 'output_too_large' } });
  });

  it('refuses raw deflate without the zlib header', () => {
    expect(inflateZlib(deflateSync(data))).toMatchObject({ ok: false, error: { code: 'not_zlib' } });
  });

  it('refuses data too short to be zlib', () => {
    expect(inflateZlib(new Uint8Array([0x78, 0x9c]))).toMatchObject({ ok: false, error: { code: 'not_zlib' } });
  });

  it('reports corrupt deflate data', () => {
    // BFINAL=1, BTYPE=11: a reserved block type (RFC 1951 §3.2.3).
    const reserved = new Uint8Array([0x78, 0x9c, 0x07, 0, 0, 0, 0, 0, 1]);
    expect(inflateZlib(reserved)).toMatchObject({ ok: false, error: { code: 'corrupt' } });
    const z = zlibSync(data);
    const truncated = new Uint8Array([...z.subarray(0, z.length - 10), 0, 0, 0, 0]);
    expect(inflateZlib(truncated)).toMatchObject({ ok: false, error: { code: 'corrupt' } });
  });

  it('checks the Adler-32 trailer', () => {
    const z = zlibSync(data);
    z[z.length - 1] = (z[z.length - 1] ?? 0) ^ 1;
    expect(inflateZlib(z)).toMatchObject({ ok: false, error: { code: 'checksum_mismatch' } });
  });
});
