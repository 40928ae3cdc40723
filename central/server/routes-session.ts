import type { FastifyInstance } from 'fastify';
import { SignInBody, type HubSessionAnswer } from '../../shared/contract/hub-web';
import { ROLE_PERMISSIONS } from '../../shared/domain/central';
import type { HubSession, HubUsers } from '../auth/hub-users';
import { cookieOf, sameOrigin, SESSION_COOKIE, sessionCookie } from './hub-session';


const sessionBody = (session: HubSession): HubSessionAnswer => ({ user: session.user, permissions: ROLE_PERMISSIONS[session.user.role], expiresAt: new Date(session.expiresAtMs).toISOString() });

/** Sign-in, the current session, sign-out: `/api/session`. */
export function registerSessionRoutes(app: FastifyInstance, users: HubUsers, now: () => Date): void {
  app.post('/api/session', async (request, reply) => {
    if (!sameOrigin(request)) return reply.code(403).send({ error: { code: 'origin-refused', message: 'the request did not come from this hub\'s page', retryable: false } });
    const body = SignInBody.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: { code: 'bad-request', message: 'name and secret are required', retryable: false } });
    const nowMs = now().getTime();
    const outcome = await users.signIn(body.data.name, body.data.secret, nowMs);
    request.outcomeCode = `sign-in-${outcome.kind}`;
    if (outcome.kind === 'refused') return reply.code(401).send({ error: { code: 'sign-in-refused', message: 'the name or the secret is wrong', retryable: false } });
    if (outcome.kind === 'locked') {
      return reply.code(423).send({ error: { code: 'sign-in-locked', message: 'too many wrong secrets: the account is locked for a while', retryable: true, until: new Date(outcome.untilMs).toISOString() } });
    }
    reply.header('Set-Cookie', sessionCookie(request, outcome.token, Math.floor((outcome.session.expiresAtMs - nowMs) / 1000)));
    return sessionBody(outcome.session);
  });

  app.get('/api/session', async (request, reply) => {
    const token = cookieOf(request, SESSION_COOKIE);
    const session = token === null ? null : await users.session(token, now().getTime());
    if (!session) return reply.code(401).send({ error: { code: 'session-required', message: 'sign in first', retryable: false } });
    return sessionBody(session);
  });

  app.delete('/api/session', async (request, reply) => {
    if (!sameOrigin(request)) return reply.code(403).send({ error: { code: 'origin-refused', message: 'the request did not come from this hub\'s page', retryable: false } });
    const token = cookieOf(request, SESSION_COOKIE);
    if (token !== null) await users.signOut(token);
    reply.header('Set-Cookie', sessionCookie(request, '', 0));
    return reply.code(204).send();
  });
}
