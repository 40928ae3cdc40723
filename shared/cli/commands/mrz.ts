import { parseMrz, type MrzResult } from '../../domain/mrz';
import { CliError, EXIT_OK, EXIT_UNUSABLE_INPUT, type CliIo } from '../io';

export interface MrzCommandOptions {
  /** Reference date for the century policy and expiry checks (default: now). */
  readonly at?: string;
  /** JSON lines in (`{"id"?, "text"}` per line), one result per line out: for manifests and test suites. */
  readonly batch?: boolean;
  readonly noCorrection?: boolean;
}

function report(result: MrzResult): Record<string, unknown> {
  if (!result.readable) {
    return { readable: false, format: null, status: 'unreadable', problems: result.problems, normalisations: result.normalisations, lines: result.lines };
  }
  const { format, status, fields, checks, corrections, problems, normalisations, lines } = result;
  return { readable: true, format, status, fields, checks, corrections, problems, normalisations, lines };
}

function referenceDate(at: string | undefined, now: Date): Date {
  if (at === undefined) return now;
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) throw new CliError(`--at must be an ISO date or date-time, got "${at}"`);
  return date;
}

/**
 * `checkpoint mrz`: MRZ text on stdin (lines, or joined with ^) → {format, status, fields, checks,
 * corrections, problems}. Exit 0 when a known format was parsed (valid or not), 2 when unreadable.
 */
export async function mrzCommand(io: CliIo, options: MrzCommandOptions, now = new Date()): Promise<number> {
  const at = referenceDate(options.at, now);
  const parseOptions = { referenceDate: at, ocrCorrection: !options.noCorrection };
  const input = await io.stdin();
  if (options.batch) {
    const lines = input.split('\n').filter((line) => line.trim().length > 0);
    lines.forEach((line, index) => {
      let item: { id?: unknown; text?: unknown };
      try {
        item = JSON.parse(line) as typeof item;
      } catch {
        throw new CliError(`--batch line ${index + 1} is not JSON: expected {"id": …, "text": "<mrz lines>"}`);
      }
      if (typeof item.text !== 'string') throw new CliError(`--batch line ${index + 1} has no "text" string`);
      io.stdout(JSON.stringify({ id: item.id ?? index + 1, ...report(parseMrz(item.text, parseOptions)) }));
    });
    return EXIT_OK;
  }
  if (input.trim().length === 0) throw new CliError('no MRZ on standard input (pipe the 2 or 3 lines in, or one line joined with ^)');
  const result = parseMrz(input, parseOptions);
  io.stdout(JSON.stringify(report(result)));
  if (!result.readable) {
    io.stderr(`checkpoint: unreadable MRZ: ${result.problems.map((p) => p.message).join('; ')}`);
    return EXIT_UNUSABLE_INPUT;
  }
  return EXIT_OK;
}
