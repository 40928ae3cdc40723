import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { AcknowledgeBody, HUB_TABLES } from '../../shared/contract/hub-web';
import { acknowledgeAlert } from '../board/alerts-repo';
import type { HubUsers } from '../auth/hub-users';
import type { Sql } from '../store/sql';
import { requirePermission } from './hub-session';
import { NotFound, TABLES } from './hub-tables';
import { tableCsv, tableXlsx } from './table-export';

const fail = (reply: FastifyReply, status: number, code: string, message: string): FastifyReply => {
  reply.request.outcomeCode = code;
  return reply.code(status).send({ error: { code, message, retryable: false } });
};

const Format = z.strictObject({ format: z.enum(['csv', 'xlsx']) });
const AlertId = z.strictObject({ id: z.coerce.number().int().positive() });

/** `GET /api/<table>` (JSON), `GET /api/<table>/export.csv|xlsx`, and acknowledging an alert. */
export function registerTableRoutes(app: FastifyInstance, sql: Sql, users: HubUsers, now: () => Date): void {
  for (const name of HUB_TABLES) {
    const table = TABLES[name];
    const guard = { onRequest: requirePermission(users, table.permission, now) };
    const load = async (query: unknown, reply: FastifyReply): Promise<{ answer: unknown; nowMs: number } | null> => {
      const parsed = table.query.safeParse(query);
      if (!parsed.success) {
        fail(reply, 400, 'bad-request', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
        return null;
      }
      const nowMs = now().getTime();
      try {
        return { answer: await table.load({ sql, nowMs }, parsed.data), nowMs };
      } catch (error) {
        if (error instanceof NotFound) {
          fail(reply, 404, 'not-found', error.message);
          return null;
        }
        throw error;
      }
    };
    app.get(`/api/${name}`, guard, async (request, reply) => {
      const loaded = await load(request.query, reply);
      return loaded === null ? reply : loaded.answer;
    });
    app.get(`/api/${name}/export.:format`, guard, async (request, reply) => {
      const format = Format.safeParse(request.params);
      if (!format.success) return fail(reply, 404, 'not-found', 'exports are .csv or .xlsx');
      const loaded = await load(request.query, reply);
      if (loaded === null) return reply;
      const rows = table.table(loaded.answer);
      const file = `${name}-${new Date(loaded.nowMs).toISOString().slice(0, 16).replace(':', '')}`;
      request.outcomeCode = `export-${format.data.format}`;
      reply.header('Content-Disposition', `attachment; filename="${file}.${format.data.format}"`);
      if (format.data.format === 'csv') return reply.type('text/csv; charset=utf-8').send(tableCsv(rows));
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await tableXlsx(name, rows));
    });
  }

  app.post('/api/alerts/:id/acknowledge', { onRequest: requirePermission(users, 'alerts.acknowledge', now) }, async (request, reply) => {
    const params = AlertId.safeParse(request.params);
    const body = AcknowledgeBody.safeParse(request.body ?? {});
    if (!params.success || !body.success) return fail(reply, 400, 'bad-request', 'an alert number and an optional note (up to 2000 characters) are expected');
    const actor = request.hubSession?.user.name ?? 'unknown';
    const outcome = await acknowledgeAlert(sql, params.data.id, actor, body.data.note === '' ? null : body.data.note);
    if (!outcome.ok) return fail(reply, outcome.error.code === 'alert.not-found' ? 404 : 409, outcome.error.code, outcome.error.message);
    return outcome.value;
  });
}
