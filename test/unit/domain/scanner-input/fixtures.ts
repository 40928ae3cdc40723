import { readdirSync, readFileSync } from 'node:fs';

const root = new URL('../../../fixtures/', import.meta.url);

export function fixtureNames(folder: 'hid' | 'wedge'): string[] {
  return readdirSync(new URL(`${folder}/`, root))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

export function loadFixture<T>(folder: 'hid' | 'wedge', name: string): T {
  return JSON.parse(readFileSync(new URL(`${folder}/${name}.json`, root), 'utf8')) as T;
}

export function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export const ascii = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));
