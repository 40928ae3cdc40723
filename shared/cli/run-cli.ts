import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../node/paths/default-data-dir';
import { classifyCommand } from './commands/classify';
import { dbCheckCommand } from './commands/db-check';
import { mrzCommand } from './commands/mrz';
import { scanImageCommand } from './commands/scan-image';
import { CliError, EXIT_UNUSABLE_INPUT, type CliIo } from './io';

export const USAGE = `Usage: checkpoint <command>

Commands:
  classify                 read one scanned payload on stdin, print {kind, text, stripped}
  db check [--data-dir D]  check the station database (integrity, audit chain, schema version)
  mrz [--at ISO] [--no-correction] [--batch]
                           parse an MRZ from stdin (lines, or joined with ^): {format, status, fields, checks, corrections, problems};
                           exit 2 when unreadable. --batch: JSON lines {"id","text"} in, one result per line out
  scan-image <file>        decode the QR / Data Matrix / PDF417 / Aztec codes in a PNG or JPEG, print [{text, format, position}]

Output is JSON on stdout; errors go to stderr with a non-zero exit code.`;

/** Dispatches a CLI invocation; every failure becomes a message on stderr and an exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
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
        const { values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, options: { 'data-dir': { type: 'string' } } });
        if (positionals[0] !== 'check') throw new CliError(`unknown db subcommand "${positionals[0] ?? ''}"\n\n${USAGE}`);
        return dbCheckCommand(io, values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir());
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
