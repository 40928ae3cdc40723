import fs from 'node:fs';
import path from 'node:path';

/** ../shared/conformance beside the checkout, or CONFORMANCE_DIR; undefined when absent. */
export function conformanceDir(): string | undefined {
  const dir = path.resolve(process.env.CONFORMANCE_DIR ?? path.join(process.cwd(), '..', 'shared', 'conformance'));
  return fs.existsSync(dir) ? dir : undefined;
}
