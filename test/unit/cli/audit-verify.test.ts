import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import { openStationDatabase } from '../../../shared/node/db';
import { runCheckpoint } from '../../support/cli';
import { TEST_PIN_HASH_COST, testBootstrap } from '../../support/core-session';
import { tempDir } from '../../support/temp-dir';

const run = (args: string[]) => runCheckpoint(args);

describe('checkpoint audit verify', () => {
  it('confirms an intact chain and names the first row edited behind the app’s back', async () => {
    const dataDir = tempDir();
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, logger: silentLogger, bootstrap: testBootstrap('operator') });
    core.close();
    const intact = await run(['audit', 'verify', '--data-dir', dataDir]);
    expect(intact.code).toBe(0);
    const report = JSON.parse(intact.stdout);
    expect(report).toMatchObject({ ok: true, head: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(report.rows).toBeGreaterThan(3);

    const db = openStationDatabase(dataDir);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET payload_json = '{"role":"operator"}' WHERE seq = 3`).run();
    db.close();
    const broken = await run(['audit', 'verify', '--data-dir', dataDir]);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, firstBrokenSeq: 3 });
    expect(broken.stderr).toMatch(/audit chain broken at row 3: row 3 was changed after it was written/);
  }, 60_000);

  it('says so when the folder holds no station', async () => {
    const { code, stderr } = await run(['audit', 'verify', '--data-dir', tempDir()]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/no station database/);
  });
});
