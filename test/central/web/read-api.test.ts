import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubUsers } from '../../../central/auth/hub-users';
import { createHubServer } from '../../../central/server/create-server';
import { openCentralStore, type CentralStore } from '../../../central/store/open-store';
import type { AlertsAnswer, BoardAnswer, BusAnswer, JourneyAnswer, PersonsAnswer, StationsAnswer, StatisticsAnswer } from '../../../shared/contract/hub-web';
import type { HubRole } from '../../../shared/domain/central';
import { BUS, GROUP, REPLACED_NAME_CYRILLIC } from '../../fixtures/corridor/journey-bus';
import { centralAdminUrl, createTestDatabase } from '../../support/central-db';
import { tempDir } from '../../support/temp-dir';
import { SCENARIO_NOW, seedBusScenario } from '../../support/hub-scenario';

const CHEAP = { N: 1024, r: 8, p: 1 };
let store: CentralStore;
let app: FastifyInstance;
const cookies = {} as Record<HubRole, string>;

// The routes and who may call them, written out here (not read from ROLE_PERMISSIONS) so a change to either side fails.
const ROUTES: readonly { url: string; method?: 'POST'; allowed: readonly HubRole[] }[] = [
  { url: '/api/board', allowed: ['coordinator'] },
  { url: `/api/bus?corridor=KZ-UZ-TJ&group=${GROUP}`, allowed: ['coordinator'] },
  { url: '/api/board/export.csv', allowed: ['coordinator'] },
  { url: '/api/persons?q=ODINAEV', allowed: ['coordinator', 'consular'] },
  { url: '/api/persons/export.xlsx?q=ODINAEV', allowed: ['coordinator', 'consular'] },
  { url: '/api/stations', allowed: ['coordinator', 'hub-admin'] },
  { url: '/api/corridors', allowed: ['coordinator', 'hub-admin'] },
  { url: '/api/alerts', allowed: ['coordinator'] },
  { url: '/api/alerts/export.csv', allowed: ['coordinator'] },
  { url: '/api/statistics', allowed: ['coordinator'] },
  { url: '/api/alerts/999999/acknowledge', method: 'POST', allowed: ['coordinator'] },
];

const get = <T>(url: string, role: HubRole) => app.inject({ method: 'GET', url, headers: { cookie: cookies[role] } }).then((r) => ({ status: r.statusCode, body: r.json<T>(), raw: r }));

describe.skipIf(!centralAdminUrl())('the web UI read API on PostgreSQL, with the seeds scenario', () => {
  beforeAll(async () => {
    // One store for the whole file (openTestHub closes its stores after each test).
    store = await openCentralStore({ databaseUrl: await createTestDatabase(), dataDir: tempDir('hub-data-') });
    await seedBusScenario(store.sql);
    const users = new HubUsers(store.sql, CHEAP);
    app = createHubServer(store, { now: () => new Date(SCENARIO_NOW) });
    for (const role of ['coordinator', 'consular', 'hub-admin'] as const) {
      const { password } = await users.add(`u-${role}`, role, 'test');
      const signed = await app.inject({ method: 'POST', url: '/api/session', payload: { name: `u-${role}`, secret: password } });
      cookies[role] = String(signed.headers['set-cookie']).split(';')[0]!;
    }
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('every route checks the role: allowed roles get an answer, the others 403, nobody signed in 401', async () => {
    for (const route of ROUTES) {
      for (const role of ['coordinator', 'consular', 'hub-admin'] as const) {
        const answer = await app.inject({ method: route.method ?? 'GET', url: route.url, headers: { cookie: cookies[role], host: 'hub.test', origin: 'http://hub.test' }, ...(route.method ? { payload: { note: 'x' } } : {}) });
        const expected = route.allowed.includes(role) ? (route.method ? 404 : 200) : 403;
        expect({ url: route.url, role, status: answer.statusCode }).toEqual({ url: route.url, role, status: expected });
      }
      expect((await app.inject({ method: route.method ?? 'GET', url: route.url })).statusCode).toBe(401);
    }
  });

  it('the board shows the bus with the scenario numbers per checkpoint, and the bus view lists its 180 people', async () => {
    const { status, body } = await get<BoardAnswer>('/api/board?hours=48', 'coordinator');
    expect(status).toBe(200);
    expect(body.rows).toHaveLength(1);
    const row = body.rows[0]!;
    expect(row).toMatchObject({ groupId: GROUP, people: 180, tone: 'missing' });
    expect(row.steps.map((s) => [s.checkpointId, s.passed, s.refused, s.held, s.expected, s.missing])).toEqual([
      ['KZ-ZHIBEK-ZHOLY', 180, 0, 0, 0, 0],
      ['UZ-YALLAMA', 178, 2, 0, 0, 0],
      ['UZ-OYBEK', 176, 0, 2, 0, 0],
      ['TJ-OYBEK', 175, 0, 0, 0, 1],
    ]);
    const bus = await get<BusAnswer>(`/api/bus?corridor=KZ-UZ-TJ&group=${GROUP}&hours=48`, 'coordinator');
    expect(bus.body.people).toHaveLength(180);
    const missing = bus.body.people.filter((p) => p.state === 'missing');
    expect(missing.map((p) => p.documentNumber)).toEqual([`TJ${4_100_000 + BUS.missing}`]);
    expect(missing[0]).toMatchObject({ lastSeen: { checkpointId: 'UZ-OYBEK' }, nextCheckpointId: 'TJ-OYBEK' });
    expect((await get('/api/bus?corridor=NOWHERE&group=X', 'coordinator')).status).toBe(404);
    expect((await get('/api/board?hours=0', 'coordinator')).status).toBe(400);
  });

  it('finds the replaced passport by its Cyrillic name, with the whole journey across four checkpoints', async () => {
    const found = await get<PersonsAnswer>(`/api/persons?q=${encodeURIComponent(REPLACED_NAME_CYRILLIC.toLowerCase())}`, 'consular');
    expect(found.status).toBe(200);
    expect(found.body.hits).toHaveLength(1);
    const hit = found.body.hits[0]!;
    const journey = await get<JourneyAnswer>(`/api/journey?corridor=${hit.corridorId}&key=${encodeURIComponent(hit.journeyKey)}`, 'consular');
    expect(journey.status).toBe(200);
    expect(journey.body.person).toMatchObject({ state: 'arrived', pairedBy: 'identity', documents: ['TJK:TJ4100042', 'TJK:TJ9900042'] });
    expect(journey.body.events.map((e) => e.checkpointId)).toEqual(['KZ-ZHIBEK-ZHOLY', 'UZ-YALLAMA', 'UZ-OYBEK', 'TJ-OYBEK']);
    const byDocument = await get<PersonsAnswer>('/api/persons?q=TJ 9900042', 'consular');
    expect(byDocument.body.hits.map((h) => h.journeyKey)).toEqual([hit.journeyKey]);
  });

  it('acknowledges the missing-person alert with a note into the central audit trail; twice is refused', async () => {
    const { body } = await get<AlertsAnswer>('/api/alerts', 'coordinator');
    const alert = body.alerts.find((a) => a.code === 'journey.missing');
    expect(alert).toMatchObject({ groupId: GROUP, checkpointId: 'TJ-OYBEK', acknowledged: null });
    const post = (cookie: string) =>
      app.inject({ method: 'POST', url: `/api/alerts/${alert!.id}/acknowledge`, headers: { cookie, host: 'hub.test', origin: 'http://hub.test' }, payload: { note: 'Called the Tajik post' } });
    const first = await post(cookies.coordinator);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ acknowledged: { by: 'u-coordinator', note: 'Called the Tajik post' } });
    expect((await post(cookies.coordinator)).statusCode).toBe(409);
    const audit = await store.sql.query<{ actor: string; details: { note: string } }>(`SELECT actor, details FROM central_audit WHERE action = 'alert.acknowledged'`);
    expect(audit).toEqual([{ actor: 'u-coordinator', details: expect.objectContaining({ note: 'Called the Tajik post' }) }]);
    // From another site's page the acknowledgement is refused even with the cookie.
    const forged = await app.inject({ method: 'POST', url: `/api/alerts/${alert!.id}/acknowledge`, headers: { cookie: cookies.coordinator, host: 'hub.test', origin: 'https://evil.example' }, payload: {} });
    expect(forged.statusCode).toBe(403);
  });

  it('daily statistics per corridor and checkpoint, station health, and the same tables as CSV and XLSX', async () => {
    const stats = await get<StatisticsAnswer>('/api/statistics?days=3', 'coordinator');
    const yallama = stats.body.counts.filter((c) => c.checkpointId === 'UZ-YALLAMA');
    expect(yallama.reduce((n, c) => n + c.crossed, 0)).toBe(178);
    expect(yallama.reduce((n, c) => n + c.refused, 0)).toBe(2);
    await store.stations.add('st-kz-zhibek', { publicKey: null, fingerprint: 'a'.repeat(64) }, 'KZ-UZ-TJ');
    await store.sql.query(`INSERT INTO station_alerts (station_id, kind, manifest_sha256, message) VALUES ('st-kz-zhibek', 'gap', repeat('b', 64), 'gap')`);
    const stations = await get<StationsAnswer>('/api/stations', 'hub-admin');
    expect(stations.body.stations).toEqual([
      { stationId: 'st-kz-zhibek', fingerprint: 'a'.repeat(64), corridorId: 'KZ-UZ-TJ', revokedAtMs: null, lastBundleAtMs: null, coveredUntilMs: null, lastContactAtMs: null, bundles: 0, openGaps: 1 },
    ]);

    const csv = await app.inject({ method: 'GET', url: '/api/board/export.csv?hours=48', headers: { cookie: cookies.coordinator } });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="board-.*\.csv"/);
    expect(csv.headers['cache-control']).toBe('no-store');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('corridor,bus,state,people,left_checkpoint,left_at,checkpoint,passed,refused,held,expected,missing,last_passed_at,next_checkpoint,eta,overdue_since');
    expect(lines.slice(1).map((l) => l.split(',').slice(6, 12).join(','))).toEqual(['KZ-ZHIBEK-ZHOLY,180,0,0,0,0', 'UZ-YALLAMA,178,2,0,0,0', 'UZ-OYBEK,176,0,2,0,0', 'TJ-OYBEK,175,0,0,0,1']);

    const xlsx = await app.inject({ method: 'GET', url: `/api/bus/export.xlsx?corridor=KZ-UZ-TJ&group=${GROUP}&hours=48`, headers: { cookie: cookies.coordinator } });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('bus')!;
    expect(sheet.rowCount).toBe(181);
    expect(sheet.getRow(1).getCell(2).value).toBe('document_number');
    const states = new Set<string>();
    sheet.eachRow((r, n) => n > 1 && states.add(String(r.getCell(5).value)));
    expect([...states].sort()).toEqual(['arrived', 'held', 'missing', 'refused', 'returned']);
  });
});
