import { classifyPayload } from '../../domain/payload';
import { CliError, EXIT_OK, type CliIo } from '../io';

/** `checkpoint classify`: one payload on stdin → {kind, text, stripped}. */
export async function classifyCommand(io: CliIo): Promise<number> {
  const input = await io.stdin();
  if (input.length === 0) throw new CliError('no payload on standard input (pipe the scanned text in, e.g. `echo "HC1:…" | checkpoint classify`)');
  io.stdout(JSON.stringify(classifyPayload(input)));
  return EXIT_OK;
}
