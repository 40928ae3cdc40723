import path from 'node:path';
import { BusinessRuleService } from '../../app/rules/business-rule-service';
import { evaluateRule } from '../../domain/business-rules';
import { StationStore } from '../../node/db';
import { readUserFile } from '../../node/files';
import { CliError, EXIT_OK, type CliIo } from '../io';
import { serviceCall } from '../service-call';

/**
 * `checkpoint rules eval <rule.json>`: evaluates a CertLogic rule — an EU business rule file (its `Logic`) or a bare
 * expression — against `{"payload": …, "external": …}` on stdin and prints `{"result": true|false}`. Exit 0 with a
 * result; 2 with a sentence when the rule or the input cannot be used.
 */
export async function rulesEvalCommand(io: CliIo, ruleFile: string): Promise<number> {
  const logic = ruleLogic(await readJson(ruleFile));
  const input = (await io.stdin()).trim();
  if (input === '') throw new CliError('no input on standard input: pipe {"payload": …, "external": …} in, e.g. `checkpoint rules eval rule.json < case.json`');
  const data = parseJson(input, 'the standard input');
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !('payload' in data)) {
    throw new CliError('the standard input must be a JSON object with "payload" (the DCC content) and "external" (value sets, validationClock …)');
  }
  const { payload, external } = data as { payload: unknown; external?: unknown };
  const result = evaluateRule(logic, { payload, external: external ?? {} });
  if (!result.ok) throw new CliError(result.error.message);
  io.stdout(JSON.stringify({ result: result.value }));
  return EXIT_OK;
}

/** A rule file's `Logic` when it is an EU rule, else the file is the expression itself. */
function ruleLogic(rule: unknown): unknown {
  if (rule !== null && typeof rule === 'object' && !Array.isArray(rule) && 'Logic' in rule) return (rule as { Logic: unknown }).Logic;
  return rule;
}

/** A rule set of the EU gateway is a few hundred kB; nothing near this is a rule file. */
const MAX_RULE_FILE_BYTES = 16 * 1024 * 1024;

async function readJson(file: string): Promise<unknown> {
  const read = await readUserFile(file, MAX_RULE_FILE_BYTES);
  if (!read.ok) throw new CliError(`cannot read the rule file ${file}: ${read.error.code === 'not-found' ? 'it does not exist' : read.error.message}`);
  return parseJson(read.value.toString('utf8'), `the rule file ${file}`);
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${what} is not JSON (${(error as Error).message})`);
  }
}

/**
 * `checkpoint rules import [--data-dir D] <file>`: adds a version of the receiving state's EU business rules from a
 * rule file (the gateway's array of rules); the newest version judges DCCs at the lane. Prints the new version.
 */
export async function rulesImportCommand(io: CliIo, dataDir: string, file: string): Promise<number> {
  const read = await readUserFile(file, MAX_RULE_FILE_BYTES);
  if (!read.ok) throw new CliError(`cannot read the rule file ${file}: ${read.error.code === 'not-found' ? 'it does not exist' : read.error.message}`);
  const bytes: Uint8Array = read.value;
  const store = StationStore.open(dataDir);
  try {
    const service = new BusinessRuleService({ store, now: () => new Date() });
    io.stdout(JSON.stringify(await serviceCall(() => service.import(bytes, path.basename(file), 'cli'))));
    return EXIT_OK;
  } finally {
    store.close();
  }
}
