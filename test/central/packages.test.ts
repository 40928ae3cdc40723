import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { publishPackage } from '../../central/packages/publish-package';
import { createHubServer } from '../../central/server/create-server';
import { verifyStationPackage, type SignedPackage } from '../../shared/domain/central';
import { centralAdminUrl } from '../support/central-db';
import { openTestHub } from '../support/central-store';
import { SyntheticStation } from '../support/synthetic-bundle';

const servers: FastifyInstance[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

describe.skipIf(!centralAdminUrl())('signed station packages on PostgreSQL', () => {
  it('are addressed to a station, a corridor or all, fetched after a cursor, and verify at the station they are for', async () => {
    const store = await openTestHub();
    const zhibek = new SyntheticStation('ZHIBEK-ZHOLY');
    const oybek = new SyntheticStation('OYBEK');
    const { credential: zhibekCredential } = await store.stations.add(zhibek.stationId, { publicKey: zhibek.publicKey, fingerprint: zhibek.fingerprint }, 'KZ-TJ-1');
    const { credential: oybekCredential } = await store.stations.add(oybek.stationId, { publicKey: oybek.publicKey, fingerprint: oybek.fingerprint }, 'UZ-TJ-2');
    const all = await publishPackage(store, { kind: 'trust-list', name: 'trust.json', content: '{"certificates":[]}', stationId: null, corridorId: null });
    await publishPackage(store, { kind: 'group-file', name: 'bus-60.csv', content: 'surname,given\nA,B\n', stationId: null, corridorId: 'KZ-TJ-1' });
    await publishPackage(store, { kind: 'bus-manifest', name: 'for-oybek.csv', content: 'x', stationId: oybek.stationId, corridorId: null });
    expect(all.package.seq).toBeGreaterThan(0);

    const server = createHubServer(store);
    servers.push(server);
    const url = await server.listen({ port: 0, host: '127.0.0.1' });
    const poll = async (credential: string, since: number) => {
      const response = await fetch(`${url}/packages?since=${since}`, { headers: { Authorization: `Bearer ${credential}` } });
      expect(response.status).toBe(200);
      return (await response.json()) as { packages: SignedPackage[]; next: number };
    };
    const forZhibek = await poll(zhibekCredential, 0);
    expect(forZhibek.packages.map((p) => p.package.name)).toEqual(['trust.json', 'bus-60.csv']);
    const forOybek = await poll(oybekCredential, 0);
    expect(forOybek.packages.map((p) => p.package.name)).toEqual(['trust.json', 'for-oybek.csv']);
    // After the cursor: only what is new.
    expect((await poll(oybekCredential, forOybek.next)).packages).toEqual([]);
    expect((await poll(zhibekCredential, all.package.seq)).packages.map((p) => p.package.name)).toEqual(['bus-60.csv']);

    for (const signed of forZhibek.packages) {
      expect(await verifyStationPackage(signed, { hubPublicKey: store.hubKey.publicKey, stationId: zhibek.stationId, corridorIds: ['KZ-TJ-1'] })).toMatchObject({ ok: true });
    }
    const groupFile = forZhibek.packages[1] as SignedPackage;
    // Not for Oybek's corridor; tampered content; a forged signature: each refused by name.
    expect(await verifyStationPackage(groupFile, { hubPublicKey: store.hubKey.publicKey, stationId: oybek.stationId, corridorIds: ['UZ-TJ-2'] })).toMatchObject({
      ok: false,
      reason: 'package-not-for-this-station',
    });
    const tampered = { ...groupFile, package: { ...groupFile.package, content: 'surname,given\nC,D\n' } };
    expect(await verifyStationPackage(tampered, { hubPublicKey: store.hubKey.publicKey, stationId: zhibek.stationId, corridorIds: ['KZ-TJ-1'] })).toMatchObject({
      ok: false,
      reason: 'package-signature-invalid',
    });
    expect(await verifyStationPackage({ ...groupFile, signature: all.signature }, { hubPublicKey: store.hubKey.publicKey, stationId: zhibek.stationId, corridorIds: ['KZ-TJ-1'] })).toMatchObject({
      ok: false,
      reason: 'package-signature-invalid',
    });
    expect(await verifyStationPackage(groupFile, { hubPublicKey: zhibek.publicKey, stationId: zhibek.stationId, corridorIds: ['KZ-TJ-1'] })).toMatchObject({ ok: false, reason: 'package-wrong-hub' });

    // A revoked station gets nothing.
    await store.stations.revoke(oybek.stationId);
    const refused = await fetch(`${url}/packages?since=0`, { headers: { Authorization: `Bearer ${oybekCredential}` } });
    expect(refused.status).toBe(403);
    const bad = await fetch(`${url}/packages?since=-1`, { headers: { Authorization: `Bearer ${zhibekCredential}` } });
    expect(bad.status).toBe(400);
  });
});
