import { err, ok, type Result } from '../result';

export const LAB_LINK_REGISTRY_FORMAT = 'checkpoint-lab-links';

/**
 * One known form of a lab's result link: the host (`*.` allows any subdomain), a path pattern in which `{id}`
 * marks the result id and `*` any one path segment, or, when the id is a query parameter, its name.
 */
export interface LabLinkPattern {
  readonly labId: string;
  readonly name: string;
  /** ISO 3166-1 alpha-2 issuing country. */
  readonly country: string;
  readonly host: string;
  readonly path: string;
  /** The query parameter that holds the id, when the path does not. */
  readonly idParam?: string;
  /** The lab answers result queries online; only then may an online adapter ask it (off by default). */
  readonly onlineVerifiable: boolean;
}

export interface LabLinkRegistry {
  readonly patterns: readonly LabLinkPattern[];
}

export type LabLinkClass =
  | { readonly status: 'classified'; readonly pattern: LabLinkPattern; readonly id: string; readonly host: string }
  /** The host is a registered lab's, but the link has another form: its id cannot be read. */
  | { readonly status: 'unknown-form'; readonly pattern: LabLinkPattern; readonly host: string }
  | { readonly status: 'unknown-host'; readonly host: string };

const SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;
const HOST = /^(\*\.)?([a-z0-9-]+\.)+[a-z]{2,}$/;
const COUNTRY = /^[A-Z]{2}$/;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a registry file (`{"format": "checkpoint-lab-links", "version": 1, "patterns": [...]}`); one bad entry refuses it whole. */
export function parseLabLinkRegistry(text: string): Result<LabLinkRegistry, { code: 'invalid'; message: string }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err({ code: 'invalid', message: 'the file is not JSON' });
  }
  if (!isObject(json) || json.format !== LAB_LINK_REGISTRY_FORMAT || json.version !== 1 || !Array.isArray(json.patterns)) {
    return err({ code: 'invalid', message: `the file is not a lab-link registry ({"format": "${LAB_LINK_REGISTRY_FORMAT}", "version": 1, "patterns": [...]})` });
  }
  const patterns: LabLinkPattern[] = [];
  for (const [index, item] of json.patterns.entries()) {
    const where = `pattern ${index + 1}`;
    if (!isObject(item)) return err({ code: 'invalid', message: `${where} is not an object` });
    const { labId, name, country, host, path, idParam, onlineVerifiable } = item;
    if (typeof labId !== 'string' || !SLUG.test(labId)) return err({ code: 'invalid', message: `${where}: labId must be a short slug (a-z, 0-9, -)` });
    if (typeof name !== 'string' || name.trim() === '') return err({ code: 'invalid', message: `${where}: the lab needs a name` });
    if (typeof country !== 'string' || !COUNTRY.test(country)) return err({ code: 'invalid', message: `${where}: country must be two capital letters (ISO 3166)` });
    if (typeof host !== 'string' || !HOST.test(host.toLowerCase())) return err({ code: 'invalid', message: `${where}: "${String(host)}" is not a host name` });
    if (typeof path !== 'string' || !path.startsWith('/')) return err({ code: 'invalid', message: `${where}: path must start with /` });
    const idInPath = path.split('/').filter((s) => s === '{id}').length;
    if (idInPath > 1) return err({ code: 'invalid', message: `${where}: the path names {id} more than once` });
    if (idInPath === 0 && (typeof idParam !== 'string' || idParam === '')) return err({ code: 'invalid', message: `${where}: say where the id is: {id} in the path, or idParam` });
    if (idParam !== undefined && typeof idParam !== 'string') return err({ code: 'invalid', message: `${where}: idParam must be text` });
    patterns.push({
      labId,
      name: name.trim(),
      country,
      host: host.toLowerCase(),
      path,
      ...(idInPath === 0 && typeof idParam === 'string' ? { idParam } : {}),
      onlineVerifiable: onlineVerifiable === true,
    });
  }
  return ok({ patterns });
}

const hostMatches = (pattern: string, host: string): boolean =>
  pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern;

/** The id a path holds under a pattern, or undefined when the path has another form. */
function idFromPath(pattern: string, path: string): string | undefined {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return undefined;
  let id: string | undefined;
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i]!;
    const h = have[i]!;
    if (w === '{id}') id = h;
    else if (w !== '*' && w !== h) return undefined;
  }
  return id ?? '';
}

/** Which lab a scanned link belongs to, and the result id it carries. */
export function classifyLabLink(url: string, registry: LabLinkRegistry): LabLinkClass | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const host = parsed.hostname.toLowerCase();
  const candidates = registry.patterns.filter((p) => hostMatches(p.host, host));
  if (candidates.length === 0) return { status: 'unknown-host', host };
  for (const pattern of candidates) {
    const fromPath = idFromPath(pattern.path, parsed.pathname);
    if (fromPath === undefined) continue;
    const id = pattern.idParam ? parsed.searchParams.get(pattern.idParam) ?? '' : safeDecode(fromPath);
    if (id.trim() !== '') return { status: 'classified', pattern, id: id.trim(), host };
  }
  return { status: 'unknown-form', pattern: candidates[0]!, host };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
