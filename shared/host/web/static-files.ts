import fs from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
};

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly isIndex: boolean;
}

/**
 * Resolves a URL path inside the renderer folder only (no `..` escapes); paths without an extension
 * fall back to index.html so reloading any screen works.
 */
export async function readStaticFile(rootDir: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const root = path.resolve(rootDir);
  const wanted = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (wanted !== root && !wanted.startsWith(root + path.sep)) return undefined;
  const extension = path.extname(wanted);
  const file = extension === '' || wanted === root ? path.join(root, 'index.html') : wanted;
  try {
    const body = await fs.readFile(file);
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    return { body, contentType: type, isIndex: file === path.join(root, 'index.html') };
  } catch {
    return undefined;
  }
}
