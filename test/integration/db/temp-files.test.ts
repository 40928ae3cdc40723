import { describe, expect, it } from 'vitest';
import { StationStore, openStationDatabase } from '../../../shared/node/db';
import { tempDir } from '../../support/temp-dir';

// SQLite's temporary files (VACUUM's copy of the database, large sorts) bypass the cipher: with the default temp store
// a retention purge's VACUUM wrote two plaintext copies of the station database into the temp folder.
describe('temporary files of the encrypted station database', () => {
  it('are kept in memory on every connection the station opens (temp_store = MEMORY), read-only ones included', () => {
    const dir = tempDir();
    const store = StationStore.open(dir);
    try {
      expect(store.database.pragma('temp_store', { simple: true })).toBe(2);
      // The purge's rebuild runs with that setting.
      store.database.exec('VACUUM');
      expect(store.database.pragma('temp_store', { simple: true })).toBe(2);
    } finally {
      store.close();
    }
    const readonly = openStationDatabase(dir, { readonly: true });
    try {
      expect(readonly.pragma('temp_store', { simple: true })).toBe(2);
    } finally {
      readonly.close();
    }
  });
});
