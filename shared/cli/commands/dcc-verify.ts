import path from 'node:path';
import { decodeBarcodes } from '../../domain/barcode';
import { buildTrustList, verifyDcc } from '../../domain/dcc';
import { evidenceFromDcc } from '../../domain/evidence';
import { dccIntegrityVerdict } from '../../domain/rules';
import { configureNodeBarcodeWasm, readImageFile } from '../../node/barcode';
import { readTrustList } from '../../node/trust-list';
import { CliError, EXIT_OK, type CliIo } from '../io';

export interface DccVerifyOptions {
  readonly trust: string | undefined;
  readonly at: string | undefined;
  readonly image: string | undefined;
}

/**
 * `checkpoint dcc verify --trust <path> [--at <ISO time>] [--image <png>]`: verifies one `HC1:`
 * payload (stdin, or the QR in the image) against a trust list file and prints every step. The
 * outcome is the certificate's own (signature, key usage, validity, value sets), before any
 * corridor rule. Exit 0 whenever a result was printed, NOT OK included; 2 for unusable input.
 */
export async function dccVerifyCommand(io: CliIo, options: DccVerifyOptions): Promise<number> {
  if (!options.trust) throw new CliError('dcc verify needs --trust <file or folder> (EU gateway JSON, station trust-list file, PEM, DER or a folder of them)');
  const at = options.at === undefined ? new Date() : parseTime(options.at);

  // Signatures of signed trust-list files are not checked here: this tool has no station and no signer keys.
  const loaded = await readTrustList(path.resolve(options.trust));
  if (!loaded.ok) throw new CliError(`cannot use the trust list: ${loaded.error.message}`);

  const payload = options.image ? await payloadFromImage(options.image) : (await io.stdin()).trim();
  if (payload.length === 0) throw new CliError('no payload on standard input (pipe the QR text in, e.g. `checkpoint dcc verify --trust list.json < hc1.txt`, or use --image)');

  const verification = await verifyDcc(payload, { trustList: buildTrustList(loaded.value.certificates), at });
  const evidence = evidenceFromDcc(verification, { id: 'cli', capturedAt: at, payloadSha256: '' });
  const verdict = dccIntegrityVerdict(evidence);
  io.stdout(
    JSON.stringify({
      payload: verification.payload ?? null,
      steps: verification.steps,
      signer: verification.signer ?? null,
      kid: verification.kid ?? null,
      certificateType: verification.certificateType ?? null,
      claims: verification.claims ?? null,
      codes: verification.codes ?? [],
      outcome: verdict.outcome,
      reasons: verdict.reasons,
      at: at.toISOString(),
      trustList: { source: loaded.value.source, format: loaded.value.format, entries: loaded.value.certificates.length },
    }),
  );
  return EXIT_OK;
}

function parseTime(text: string): Date {
  // A time without a zone is UTC, as the EU test data's validation clocks are meant.
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) || !/T/.test(text) ? text : `${text}Z`;
  const ms = Date.parse(withZone);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(ms)) throw new CliError(`--at "${text}" is not an ISO 8601 time (e.g. 2021-06-01T08:00:00Z)`);
  return new Date(ms);
}

async function payloadFromImage(file: string): Promise<string> {
  const image = await readImageFile(path.resolve(file));
  if (!image.ok) throw new CliError(`cannot read ${file} as an image: ${image.error.message}`);
  configureNodeBarcodeWasm();
  const decoded = await decodeBarcodes(image.value, { tryHarder: true });
  if (!decoded.ok) throw new CliError(`cannot scan ${file}: ${decoded.error.message}`);
  const texts = decoded.value.map((code) => code.text);
  const hc1 = texts.find((text) => /^HC1:/i.test(text.trim()));
  if (hc1 !== undefined) return hc1.trim();
  if (texts.length === 0) throw new CliError(`no QR code found in ${file}`);
  return (texts[0] ?? '').trim();
}
