import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../node/paths/default-data-dir';
import { auditVerifyCommand } from './commands/audit-verify';
import { classifyCommand } from './commands/classify';
import { dbCheckCommand } from './commands/db-check';
import { exportCommand, exportVerifyCommand } from './commands/export';
import { dccVerifyCommand } from './commands/dcc-verify';
import { labImportCommand, labKeyAddCommand, labLinksCommand } from './commands/lab';
import { mrzCommand } from './commands/mrz';
import { revocationImportCommand } from './commands/revocation';
import { rulesEvalCommand, rulesImportCommand } from './commands/rules-eval';
import { scanImageCommand } from './commands/scan-image';
import { trustListExportCommand, trustListImportCommand } from './commands/trust-list';
import { CliError, EXIT_UNUSABLE_INPUT, type CliIo } from './io';

/** Each command's own lines of the usage text, printed alone by `checkpoint <command> --help`. */
export const COMMAND_USAGE: Readonly<Record<string, string>> = {
  classify: `  classify                 read one scanned payload on stdin, print {kind, text, stripped}`,
  db: `  db check [--full] [--data-dir D]
                           check the station database (integrity, audit chain, records, schema version): by default what was
                           written since the last clean check (quick_check); --full every page, row and record again`,
  audit: `  audit verify [--data-dir D]
                           verify the hash-chained audit log: {ok, rows, head} or {ok: false, firstBrokenSeq, reason}; exit 1 when broken`,
  mrz: `  mrz [--at ISO] [--no-correction] [--batch]
                           parse an MRZ from stdin (lines, or joined with ^): {format, status, fields, checks, corrections, problems};
                           exit 2 when unreadable. --batch: JSON lines {"id","text"} in, one result per line out`,
  'scan-image': `  scan-image <file>        decode the QR / Data Matrix / PDF417 / Aztec codes in a PNG or JPEG, print [{text, format, position}]`,
  dcc: `  dcc verify --trust <path> [--at ISO] [--image <png>]
                           verify an EU DCC (HC1: payload on stdin, or the QR in the image) against a trust list file or folder:
                           {payload, steps, signer, outcome, reasons}; exit 0 whenever a result is printed, 2 for unusable input`,
  'trust-list': `  trust-list import [--data-dir D] <file>
                           replace the station's DCC trust list (EU gateway JSON, station file, signed file, PEM, DER, folder)
  trust-list export [--data-dir D] <file>
                           write the station's trust list as a station trust-list file`,
  rules: `  rules eval <rule.json>   evaluate a CertLogic rule (EU business rule file or bare expression) against {"payload", "external"}
                           on stdin: {"result": true|false}; exit 2 with a sentence for an unusable rule or input
  rules import [--data-dir D] <file>
                           add a version of the receiving state's EU business rules (the gateway's array of rules); the newest
                           judges every verified DCC at the lane: {version, country, rules, contentSha256}`,
  revocation: `  revocation import [--data-dir D] <file>
                           replace the station's EU DCC revocation entries (gateway batch, array of batches, station file, signed
                           file); a revoked certificate is NOT OK: {version, source, format, batches, entries, contentSha256, signedBy}`,
  lab: `  lab key-add [--data-dir D] --lab-id <slug> --name <lab name> --country <CC> <public-key.pem>
                           register a lab's Ed25519 or ECDSA P-256 public key: {keyId, labId, name, country, algorithm}
  lab import [--data-dir D] [--signature <file.sig>] <list.csv | list.xlsx>
                           add a version of a lab's result list, signed by a registered lab key (default signature: <list>.sig):
                           {version, labId, lab, rows, problems, contentSha256}; unsigned or wrongly signed lists exit 2
  lab links [--data-dir D] <registry.json>
                           replace the lab-link registry (known result-link patterns per lab): {version, patterns}`,
  export: `  export [--date YYYY-MM-DD | --from ISO --to ISO] --out <dir> [--zip] [--data-dir D]
                           write a signed bundle of the station's log (default: today at the station) into <dir>
  export verify <bundle | folder of bundles> --public-key <pem|base64|fingerprint file> [--previous <bundle>] [--replaces <bundle>]
                           check a bundle folder or .zip (schema version 1 or 2): signature, hashes, row counts, CSV = JSONL, chain with
                           the previous one, a superseding bundle against the one it replaces; given a folder of bundles, every
                           bundle, every replacement and the chain of those in force; exit 1 naming every problem, 2 when unreadable`,
};

const OUTPUT_NOTE = 'Output is JSON on stdout; errors go to stderr with a non-zero exit code.';

export const USAGE = `Usage: checkpoint <command>   (checkpoint <command> --help for one command)

Commands:
${Object.values(COMMAND_USAGE).join('\n')}
${OUTPUT_NOTE}`;

const commandUsage = (lines: string) => `Usage:\n${lines}\n${OUTPUT_NOTE}`;

/** Dispatches a CLI invocation; every failure becomes a message on stderr and an exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command !== undefined && COMMAND_USAGE[command] !== undefined && (rest.includes('--help') || rest.includes('-h'))) {
      io.stdout(commandUsage(COMMAND_USAGE[command]));
      return 0;
    }
    switch (command) {
      case 'classify':
        return await classifyCommand(io);
      case 'mrz': {
        const { values } = parseArgs({
          args: [...rest],
          options: { at: { type: 'string' }, batch: { type: 'boolean', default: false }, 'no-correction': { type: 'boolean', default: false } },
        });
        return await mrzCommand(io, { ...(values.at === undefined ? {} : { at: values.at }), batch: values.batch, noCorrection: values['no-correction'] });
      }
      case 'db': {
        const { values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, options: { 'data-dir': { type: 'string' }, full: { type: 'boolean', default: false } } });
        if (positionals[0] !== 'check') throw new CliError(`unknown db subcommand "${positionals[0] ?? ''}"\n\n${USAGE}`);
        return dbCheckCommand(io, values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir(), { full: values.full });
      }
      case 'audit': {
        const { values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, options: { 'data-dir': { type: 'string' } } });
        if (positionals[0] !== 'verify' || positionals.length !== 1) throw new CliError(`unknown audit subcommand "${positionals.join(' ')}"\n\n${USAGE}`);
        return auditVerifyCommand(io, values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir());
      }
      case 'dcc': {
        const { values, positionals } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: { trust: { type: 'string' }, at: { type: 'string' }, image: { type: 'string' } },
        });
        if (positionals[0] !== 'verify' || positionals.length !== 1) throw new CliError(`unknown dcc subcommand "${positionals.join(' ')}"\n\n${USAGE}`);
        return await dccVerifyCommand(io, { trust: values.trust, at: values.at, image: values.image });
      }
      case 'trust-list': {
        const { values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, options: { 'data-dir': { type: 'string' } } });
        const [sub, file] = positionals;
        const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
        if ((sub !== 'import' && sub !== 'export') || file === undefined || positionals.length !== 2) {
          throw new CliError(`trust-list takes "import <file>" or "export <file>"\n\n${USAGE}`);
        }
        return sub === 'import' ? await trustListImportCommand(io, dataDir, file) : trustListExportCommand(io, dataDir, file);
      }
      case 'export': {
        const { values, positionals } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: {
            from: { type: 'string' },
            to: { type: 'string' },
            date: { type: 'string' },
            out: { type: 'string' },
            zip: { type: 'boolean', default: false },
            'data-dir': { type: 'string' },
            'public-key': { type: 'string' },
            previous: { type: 'string' },
            replaces: { type: 'string' },
          },
        });
        if (positionals[0] === 'verify') {
          if (positionals.length !== 2 || !values['public-key']) throw new CliError(`export verify takes one bundle and --public-key <file>\n\n${USAGE}`);
          return await exportVerifyCommand(io, {
            bundle: positionals[1] ?? '',
            publicKey: values['public-key'],
            ...(values.previous ? { previous: values.previous } : {}),
            ...(values.replaces ? { replaces: values.replaces } : {}),
          });
        }
        if (positionals.length > 0) throw new CliError(`unknown export subcommand "${positionals.join(' ')}"\n\n${USAGE}`);
        if (!values.out) throw new CliError(`export needs --out <folder>\n\n${USAGE}`);
        return await exportCommand(io, {
          dataDir: values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir(),
          out: values.out,
          zip: values.zip,
          ...(values.from === undefined ? {} : { from: values.from }),
          ...(values.to === undefined ? {} : { to: values.to }),
          ...(values.date === undefined ? {} : { date: values.date }),
        });
      }
      case 'rules': {
        const { values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, options: { 'data-dir': { type: 'string' } } });
        if (positionals[0] === 'import' && positionals.length === 2) {
          return await rulesImportCommand(io, values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir(), positionals[1] ?? '');
        }
        if (positionals[0] !== 'eval' || positionals.length !== 2) throw new CliError(`rules takes "eval <rule.json>" or "import <file>"\n\n${USAGE}`);
        return await rulesEvalCommand(io, positionals[1] ?? '');
      }
      case 'revocation': {
        const { values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, options: { 'data-dir': { type: 'string' } } });
        if (positionals[0] !== 'import' || positionals.length !== 2) throw new CliError(`revocation takes "import <file>"\n\n${USAGE}`);
        return await revocationImportCommand(io, values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir(), positionals[1] ?? '');
      }
      case 'lab': {
        const { values, positionals } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: { 'data-dir': { type: 'string' }, 'lab-id': { type: 'string' }, name: { type: 'string' }, country: { type: 'string' }, signature: { type: 'string' } },
        });
        const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
        const [sub, file] = positionals;
        if (file === undefined || positionals.length !== 2) throw new CliError(`lab takes "key-add <key.pem>", "import <list>" or "links <registry.json>"\n\n${USAGE}`);
        if (sub === 'key-add') {
          if (!values['lab-id'] || !values.name || !values.country) throw new CliError(`lab key-add needs --lab-id, --name and --country\n\n${USAGE}`);
          return await labKeyAddCommand(io, dataDir, { labId: values['lab-id'], name: values.name, country: values.country, keyFile: file });
        }
        if (sub === 'import') return await labImportCommand(io, dataDir, file, values.signature);
        if (sub === 'links') return await labLinksCommand(io, dataDir, file);
        throw new CliError(`unknown lab subcommand "${sub ?? ''}"\n\n${USAGE}`);
      }
      case 'scan-image': {
        const { positionals } = parseArgs({ args: [...rest], allowPositionals: true, options: {} });
        if (positionals.length !== 1) throw new CliError(`scan-image takes exactly one image file\n\n${USAGE}`);
        return await scanImageCommand(io, positionals[0] ?? '');
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return command === undefined ? EXIT_UNUSABLE_INPUT : 0;
      default:
        throw new CliError(`unknown command "${command}"\n\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`checkpoint: ${error.message}`);
      return error.exitCode;
    }
    if (error instanceof TypeError && 'code' in error && String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`checkpoint: ${error.message}`);
      return EXIT_UNUSABLE_INPUT;
    }
    io.stderr(`checkpoint: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    return 70;
  }
}
