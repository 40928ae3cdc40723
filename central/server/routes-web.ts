import type { FastifyInstance } from 'fastify';
import { HubUsers } from '../auth/hub-users';
import type { CentralStore } from '../store/open-store';
import { registerSessionRoutes } from './routes-session';
import { registerTableRoutes } from './routes-tables';
import { registerWebUi } from './static-web';

export interface WebApiOptions {
  readonly now: () => Date;
  /** The built UI's folder (dist/central-web); null serves no page. */
  readonly webRoot: string | null;
}

/** The web UI's API under /api: sign-in and the read routes, each checking the signed-in role. */
export function registerWebApi(app: FastifyInstance, store: CentralStore, options: WebApiOptions): void {
  const users = new HubUsers(store.sql);
  app.decorateRequest('hubSession', null);
  // Answers carry personal data: no browser or proxy keeps a copy.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });
  registerSessionRoutes(app, users, options.now);
  registerTableRoutes(app, store.sql, users, options.now);
  registerWebUi(app, options.webRoot);
}
