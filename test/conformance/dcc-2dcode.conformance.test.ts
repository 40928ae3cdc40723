/**
 * EU DCC 2D codes from pixels: every `<country>/…/2DCode/raw/*.json` of the dgc-testdata set
 * (see <conformance>/dcc/README.md; IE spells the folder `Raw`, PL and PT have a version level)
 * holds its QR code as a base64 PNG in `2DCODE`. Each one whose EXPECTEDPICTUREDECODE is not
 * false must decode (PNG → RGBA → zxing-wasm) to exactly its `PREFIX`; one marked false must not.
 * Files without a `2DCODE` image cannot be checked and are counted as such.
 *
 * The only exceptions are IMAGE_IS_ANOTHER_CERTIFICATE below: files with no EXPECTEDPICTUREDECODE
 * key (so upstream never tests their picture) whose image encodes a different certificate than
 * their PREFIX. For those the image must still decode, to one HC1 text that is not PREFIX; if the
 * data is ever fixed that check fails, so the list stays true.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBarcodes } from '../../shared/domain/barcode';
import { configureNodeBarcodeWasm, decodeImageBytes } from '../../shared/node/barcode';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const conformanceDir = process.env.CONFORMANCE_DIR ?? path.join(repoRoot, '../shared/conformance');
const dccDir = path.join(conformanceDir, 'dcc');
const present = existsSync(dccDir);

/** Checked independently with jsQR: it reads the same, different, text from these images. */
const IMAGE_IS_ANOTHER_CERTIFICATE: Record<string, string> = {
  'ES/2DCode/raw/501.json': 'test certificate (Servicio Canario de la Salud): the QR holds another signed HC1 than PREFIX',
  'ES/2DCode/raw/502.json': 'recovery certificate (Servicio Canario de la Salud): the QR holds another signed HC1 than PREFIX',
  'ES/2DCode/raw/503.json': 'vaccination certificate (Servicio Canario de la Salud): the QR holds another signed HC1 than PREFIX',
};

interface TestFile {
  PREFIX?: string;
  '2DCODE'?: string;
  EXPECTEDRESULTS?: Record<string, unknown>;
}

/** All `…/2DCode/raw/*.json` below `dir`, whatever the case of `raw` and however deep. */
function rawFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json') && path.basename(current).toLowerCase() === 'raw' && path.basename(path.dirname(current)) === '2DCode') found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}

/** The text of every code found in the PNG, or the reason none could be read. */
async function decodeImage(base64: string): Promise<string[] | string> {
  const image = decodeImageBytes(Buffer.from(base64, 'base64'));
  if (!image.ok) return `${image.error.code}: ${image.error.message}`;
  const decoded = await decodeBarcodes(image.value);
  if (!decoded.ok) return `${decoded.error.code}: ${decoded.error.message}`;
  return decoded.value.map((code) => code.text);
}

if (!present) {
  console.warn(`DCC 2DCODE conformance skipped: no test data at ${dccDir} (set CONFORMANCE_DIR)`);
  describe.skip('DCC 2DCODE conformance (test data absent)', () => {
    it('needs the dgc-testdata set', () => undefined);
  });
} else {
  const files = rawFiles(dccDir).map((file) => ({
    name: path.relative(dccDir, file).split(path.sep).join('/'),
    data: JSON.parse(readFileSync(file, 'utf8')) as TestFile,
  }));
  const withImage = files.filter(({ data }) => typeof data['2DCODE'] === 'string');
  const notFalse = withImage.filter(({ data }) => data.EXPECTEDRESULTS?.EXPECTEDPICTUREDECODE !== false);
  const mustDecode = notFalse.filter(({ name }) => !(name in IMAGE_IS_ANOTHER_CERTIFICATE));
  const otherCertificate = notFalse.filter(({ name }) => name in IMAGE_IS_ANOTHER_CERTIFICATE);
  const mustNotDecode = withImage.filter(({ data }) => data.EXPECTEDRESULTS?.EXPECTEDPICTUREDECODE === false);
  const tally = { decoded: 0 };

  beforeAll(() => configureNodeBarcodeWasm());
  afterAll(() => {
    const explicit = notFalse.filter(({ data }) => data.EXPECTEDRESULTS?.EXPECTEDPICTUREDECODE === true).length;
    console.log(
      `DCC 2DCODE conformance: ${tally.decoded}/${mustDecode.length} images decoded to exactly their PREFIX ` +
        `(${explicit} with EXPECTEDPICTUREDECODE true, the rest without the key); ` +
        `${otherCertificate.length} images hold another certificate than PREFIX (listed); ${mustNotDecode.length} marked undecodable; ` +
        `${files.length - withImage.length} of ${files.length} test files have no 2DCODE image`,
    );
  });

  describe('DCC 2DCODE conformance', () => {
    it('finds the test files in every layout (raw, Raw, version folders)', () => {
      expect(files.length).toBeGreaterThan(500);
      expect(files.some(({ name }) => name.startsWith(`IE${path.sep}2DCode${path.sep}Raw`))).toBe(true);
      expect(files.some(({ name }) => name.startsWith(`PL${path.sep}1.3.0${path.sep}2DCode`))).toBe(true);
      expect(mustDecode.length).toBeGreaterThan(400);
    });

    it.each(mustDecode.map(({ name, data }) => [name, data] as const))('%s decodes to its PREFIX', async (_name, data) => {
      expect(data.PREFIX, 'the file has a PREFIX to compare with').toBeTypeOf('string');
      expect(await decodeImage(data['2DCODE'] ?? '')).toEqual([data.PREFIX]);
      tally.decoded += 1;
    });

    it.each(otherCertificate.map(({ name, data }) => [name, data] as const))('%s decodes, but to another certificate than PREFIX (listed data quirk)', async (name, data) => {
      const result = await decodeImage(data['2DCODE'] ?? '');
      expect(IMAGE_IS_ANOTHER_CERTIFICATE[name]).toBeTruthy();
      expect(result).toEqual([expect.stringMatching(/^HC1:[0-9A-Z $%*+\-./:]+$/)]);
      expect(result).not.toEqual([data.PREFIX]);
    });

    it('lists only files that exist', () => {
      expect(Object.keys(IMAGE_IS_ANOTHER_CERTIFICATE).filter((name) => !otherCertificate.some((file) => file.name === name))).toEqual([]);
    });

    it.each(mustNotDecode.map(({ name, data }) => [name, data] as const))('%s (EXPECTEDPICTUREDECODE false) does not give its PREFIX', async (_name, data) => {
      const result = await decodeImage(data['2DCODE'] ?? '');
      expect(Array.isArray(result) && result.includes(data.PREFIX ?? '')).toBe(false);
    });
  });
}
