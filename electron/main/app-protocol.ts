import { contentSecurityPolicy, securityHeaders } from '../../shared/host/csp';
import { readStaticFile } from '../../shared/host/web/static-files';
import { isAppUrl } from './app-origin';

/**
 * Serves the built renderer for `app://station/…` with the same CSP and headers as the browser host.
 * Written against the Fetch API Request/Response so it runs (and is tested) in plain Node.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const headers = securityHeaders(contentSecurityPolicy());
  return async (request) => {
    if (!isAppUrl(request.url)) return new Response('Not found', { status: 404, headers });
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers });
    const file = await readStaticFile(rendererDir, new URL(request.url).pathname);
    if (!file) return new Response('Not found', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: 200,
      headers: { ...headers, 'Content-Type': file.contentType },
    });
  };
}
