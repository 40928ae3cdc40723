import type { FastifyReply, FastifyRequest } from 'fastify';
import { roleMay, type HubPermission } from '../../shared/domain/central';
import type { HubSession, HubUsers } from '../auth/hub-users';

export const SESSION_COOKIE = 'hub_session';

declare module 'fastify' {
  interface FastifyRequest {
    hubSession: HubSession | null;
  }
}

/** The value of one cookie of the request, or null. */
export function cookieOf(request: FastifyRequest, name: string): string | null {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return null;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return null;
}

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure
 * when the hub is reached over HTTPS (a TLS terminator in front of it says so in X-Forwarded-Proto).
 */
export function sessionCookie(request: FastifyRequest, token: string, maxAgeSeconds: number): string {
  const secure = request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https';
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}

const deny = (reply: FastifyReply, status: number, code: string, message: string): FastifyReply => {
  reply.request.outcomeCode = code;
  return reply.code(status).send({ error: { code, message, retryable: false } });
};

/**
 * A browser's request changing something must come from the hub's own page: its Origin (sent by every browser on
 * POST) names this host. SameSite=Strict already keeps the cookie off other sites' requests; this also stops a
 * forged sign-in.
 */
export function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** An onRequest hook: the request needs a live session whose role has `permission` (401 without one, 403 otherwise). */
export function requirePermission(users: HubUsers, permission: HubPermission, now: () => Date) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (request.method !== 'GET' && !sameOrigin(request)) {
      deny(reply, 403, 'origin-refused', 'the request did not come from this hub\'s page');
      return;
    }
    const token = cookieOf(request, SESSION_COOKIE);
    const session = token === null ? null : await users.session(token, now().getTime());
    if (!session) {
      deny(reply, 401, 'session-required', 'sign in first');
      return;
    }
    request.hubSession = session;
    if (!roleMay(session.user.role, permission)) deny(reply, 403, 'role-refused', `the role ${session.user.role} may not see this`);
  };
}
