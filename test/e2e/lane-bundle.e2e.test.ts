/**
 * The lane loads what the lane needs: the modules its page imports up front carry no charts (recharts, d3) and no
 * certificate code (pkijs, asn1js, cbor-x: the core verifies certificates, not the screen), and in Chromium the
 * chart code is fetched only when a screen with charts opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBootstrap } from '../support/core-session';
import { RENDERER, openStation, type Station } from './support/station';

const ASSETS = path.join(RENDERER, 'assets');
const HEAVY = /node_modules\/(recharts|d3-[a-z]+|pkijs|asn1js|cbor-x|@reduxjs)\//;

/** The entry script of index.html and every chunk it imports statically, transitively (dynamic import() excluded). */
function staticGraph(): string[] {
  const html = fs.readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('index.html has no module script');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(path.join(ASSETS, file), 'utf8');
    // Minified static imports: `import{a as b}from"./x.js"` or `import"./x.js"`; dynamic ones are `import("./x.js")`.
    for (const match of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(match[1]!);
  };
  visit(entry);
  return [...seen];
}

/** npm packages a chunk was built from, by its source map. */
const packagesOf = (file: string): string[] => {
  const map = JSON.parse(fs.readFileSync(path.join(ASSETS, `${file}.map`), 'utf8')) as { sources: string[] };
  return map.sources.filter((source) => HEAVY.test(source)).map((source) => HEAVY.exec(source)![1]!);
};

describe('the lane bundle', () => {
  let station: Station;
  const fetched: string[] = [];

  beforeAll(async () => {
    station = await openStation({
      name: 'lane-bundle',
      core: { bootstrap: testBootstrap('shift-lead', { roles: ['shift-lead'] }) },
      beforeOpen: (page) => {
        page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      },
    });
  });

  afterAll(async () => {
    await station?.close();
  });

  it('imports no chart or certificate code up front, while the build does hold it for the screens that need it', () => {
    const lane = staticGraph();
    expect(lane.length).toBeGreaterThan(0);
    expect(lane.flatMap(packagesOf)).toEqual([]);
    const all = fs.readdirSync(ASSETS).filter((file) => file.endsWith('.js'));
    // The check can fail: recharts is in the build, in a chunk the lane does not import.
    expect(all.filter((file) => !lane.includes(file)).flatMap(packagesOf)).toContain('recharts');
  });

  it('fetches the chart code in Chromium only when the dashboard opens', async () => {
    const { page } = station;
    await page.getByTestId('nav-dashboard').waitFor();
    const chartChunk = fs.readdirSync(ASSETS).find((file) => file.endsWith('.js') && packagesOf(file).includes('recharts'));
    expect(chartChunk).toBeDefined();
    expect(fetched.some((p) => p.endsWith(`/${chartChunk}`))).toBe(false);
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard').waitFor();
    expect(fetched.some((p) => p.endsWith(`/${chartChunk}`))).toBe(true);
  });
});
