import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readBundle } from '../../shared/node/export';

/** docs/export-bundle.schema.json: the bundle format as the central side reads it. */
export const BUNDLE_SCHEMA_FILE = path.resolve(__dirname, '../../docs/export-bundle.schema.json');

let validators: Record<'manifest' | 'crossingV1' | 'crossingV2' | 'alert' | 'summary', ValidateFunction> | undefined;

function compiled() {
  if (validators) return validators;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(fs.readFileSync(BUNDLE_SCHEMA_FILE, 'utf8')) as object, 'bundle');
  const get = (name: string) => ajv.getSchema(`bundle#/definitions/${name}`) as ValidateFunction;
  validators = { manifest: get('manifest'), crossingV1: get('crossingV1'), crossingV2: get('crossingV2'), alert: get('alert'), summary: get('summary') };
  return validators;
}

const lines = (bytes: Uint8Array | undefined): string[] => (bytes ? Buffer.from(bytes).toString('utf8').split('\n').filter((l) => l !== '') : []);

/** Every JSON file of a bundle checked against the schema: the problems, as "file line: path message" (empty when valid). */
export function bundleSchemaProblems(files: ReadonlyMap<string, Uint8Array>): string[] {
  const v = compiled();
  const problems: string[] = [];
  const check = (validate: ValidateFunction, value: unknown, where: string) => {
    if (!validate(value)) for (const e of validate.errors ?? []) problems.push(`${where}: ${e.instancePath || '/'} ${e.message ?? ''}`);
  };
  const manifest = JSON.parse(Buffer.from(files.get('manifest.json') ?? new Uint8Array()).toString('utf8')) as { schemaVersion?: number };
  check(v.manifest, manifest, 'manifest.json');
  const crossing = manifest.schemaVersion === 1 ? v.crossingV1 : v.crossingV2;
  lines(files.get('crossings.jsonl')).forEach((line, i) => check(crossing, JSON.parse(line), `crossings.jsonl line ${i + 1}`));
  lines(files.get('alerts.jsonl')).forEach((line, i) => check(v.alert, JSON.parse(line), `alerts.jsonl line ${i + 1}`));
  check(v.summary, JSON.parse(Buffer.from(files.get('summary.json') ?? new Uint8Array()).toString('utf8')), 'summary.json');
  return problems;
}

/** The same for a bundle folder or .zip on disk; throws when it cannot be read. */
export function bundleSchemaProblemsAt(target: string): string[] {
  const read = readBundle(target);
  if (!read.ok) throw new Error(read.message);
  return bundleSchemaProblems(read.files);
}
