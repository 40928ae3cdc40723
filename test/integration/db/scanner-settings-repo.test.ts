import { describe, expect, it } from 'vitest';
import type { ScannerAssignment } from '../../../shared/contract';
import { StationStore } from '../../../shared/node/db';
import { SCANNER_ASSIGNMENTS_KEY, ScannerSettingsRepo } from '../../../shared/node/db/scanner-settings-repo';
import { SettingsRepo } from '../../../shared/node/db/settings-repo';
import { tempDir } from '../../support/temp-dir';

const serial: ScannerAssignment = { kind: 'serial', lane: 'lane-1', path: '/dev/ttyUSB0', baudRate: 9600, framing: 'stx-etx' };

describe('scanner settings in the station settings table', () => {
  it('round-trips the assignments through a real SQLite file', () => {
    const dataDir = tempDir();
    const store = StationStore.open(dataDir);
    new ScannerSettingsRepo(store.database).save([serial]);
    store.close();
    const reopened = StationStore.open(dataDir);
    expect(new ScannerSettingsRepo(reopened.database).load()).toEqual({ assignments: [serial], problems: [] });
    reopened.close();
  });

  it('skips entries that no longer pass the contract and names them, instead of failing the start', () => {
    const store = StationStore.open(tempDir());
    const settings = new SettingsRepo(store.database);
    settings.set(SCANNER_ASSIGNMENTS_KEY, JSON.stringify([serial, { kind: 'bluetooth', path: 'x' }]));
    const loaded = new ScannerSettingsRepo(store.database).load();
    expect(loaded.assignments).toEqual([serial]);
    expect(loaded.problems).toEqual([expect.stringMatching(/^Scanner setting #2 was skipped: /)]);
    settings.set(SCANNER_ASSIGNMENTS_KEY, '{not json');
    expect(new ScannerSettingsRepo(store.database).load()).toEqual({ assignments: [], problems: ['The stored scanner settings are not valid JSON; no scanner is configured.'] });
    store.close();
  });
});
