import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OLYMP_CSV, labKeyPair, writeSignedList } from '../../fixtures/lab-lists/lab-list-files';
import { runCheckpoint } from '../../support/cli';
import { tempDir } from '../../support/temp-dir';

describe('checkpoint lab', () => {
  it('registers a lab key, imports its signed list, refuses an unsigned one with a sentence, and imports the link registry', async () => {
    const dataDir = tempDir();
    const lab = labKeyPair('ES256');
    const dir = tempDir();
    const keyFile = path.join(dir, 'olymp.pem');
    fs.writeFileSync(keyFile, lab.publicKeyPem);

    const added = await runCheckpoint(['lab', 'key-add', '--data-dir', dataDir, '--lab-id', 'kz-olymp', '--name', 'Olymp Laboratory', '--country', 'KZ', keyFile]);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ labId: 'kz-olymp', algorithm: 'ES256' });

    const list = writeSignedList(dir, 'olymp.csv', fs.readFileSync(OLYMP_CSV), lab.privateKey);
    const imported = await runCheckpoint(['lab', 'import', '--data-dir', dataDir, list]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ version: 1, rows: 4, problems: [{ line: 6 }] });

    fs.rmSync(`${list}.sig`);
    const unsigned = await runCheckpoint(['lab', 'import', '--data-dir', dataDir, list]);
    expect(unsigned.code).toBe(2);
    expect(unsigned.stderr).toMatch(/not imported: it has no signature file/);

    const registry = path.join(dir, 'links.json');
    fs.writeFileSync(registry, JSON.stringify({ format: 'checkpoint-lab-links', version: 1, patterns: [{ labId: 'kz-olymp', name: 'Olymp', country: 'KZ', host: 'result.olymp.kz', path: '/check/{id}' }] }));
    const links = await runCheckpoint(['lab', 'links', '--data-dir', dataDir, registry]);
    expect(links.code, links.stderr).toBe(0);
    expect(JSON.parse(links.stdout)).toEqual({ version: 1, patterns: 1 });
  });
});
