/** Machine-readable results go to stdout as JSON; people-readable errors go to stderr. */
export interface CliIo {
  readonly stdin: () => Promise<string>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_FAILED_CHECK = 1;
export const EXIT_UNUSABLE_INPUT = 2;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_UNUSABLE_INPUT,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Longest stdin we accept: a scanned payload or an MRZ, never a file dump. */
export const MAX_STDIN_BYTES = 1024 * 1024;

export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_STDIN_BYTES) throw new CliError(`standard input is larger than ${MAX_STDIN_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
