import path from 'node:path';
import { CoreFailure, type CoreApi } from '../../contract';
import { readUserFile } from '../../node/files';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';
import type { LabResultService } from './lab-result-service';

/** A lab list for one bus is a few hundred lines; 16 MiB leaves room for an XLSX with formatting. */
export const MAX_LAB_LIST_BYTES = 16 * 1024 * 1024;
const MAX_SIGNATURE_BYTES = 4096;
const MAX_REGISTRY_BYTES = 1024 * 1024;

const actor = (ctx: CoreContext): string => ctx.session.actor();

async function readOrRefuse(file: string, maxBytes: number, key: 'labList.unreadable' | 'labLinks.invalid'): Promise<Buffer> {
  const read = await readUserFile(file, maxBytes);
  if (!read.ok) throw new CoreFailure('invalid-input', key, { detail: `${path.basename(file)}: ${read.error.message}` });
  return read.value;
}

export function labResultMethods(ctx: CoreContext, labs: LabResultService): Pick<CoreApi, 'listLabs' | 'registerLabKey' | 'importLabList' | 'importLabLinks'> {
  return {
    listLabs: defineMethod(
      'listLabs',
      () => {
        const registry = labs.linkRegistryInfo();
        return {
          keys: labs.keys().map((k) => ({ keyId: k.keyId, labId: k.labId, name: k.labName, country: k.country, algorithm: k.algorithm, registeredAt: k.registeredAt, source: k.source })),
          lists: labs.lists().map((l) => ({ version: l.version, labId: l.labId, importedAt: l.importedAt, source: l.source, signedBy: l.keyId, rows: l.rows, contentSha256: l.contentSha256 })),
          linkRegistry: registry ?? null,
        };
      },
      ctx,
    ),
    registerLabKey: defineMethod(
      'registerLabKey',
      (input) => {
        const k = labs.registerKey(input, 'settings', actor(ctx));
        return { keyId: k.keyId, labId: k.labId, name: k.labName, country: k.country, algorithm: k.algorithm, registeredAt: k.registeredAt, source: k.source };
      },
      ctx,
    ),
    importLabList: defineMethod(
      'importLabList',
      async (input) => {
        const bytes = await readOrRefuse(input.path, MAX_LAB_LIST_BYTES, 'labList.unreadable');
        const signaturePath = input.signaturePath ?? `${input.path}.sig`;
        const signature = await readUserFile(signaturePath, MAX_SIGNATURE_BYTES);
        // No signature file is an unsigned list; one that cannot be read says why.
        if (!signature.ok && signature.error.code !== 'not-found') {
          throw new CoreFailure('invalid-input', 'labList.badSignature', { detail: `${path.basename(signaturePath)}: ${signature.error.message}` });
        }
        const text = signature.ok ? signature.value.toString('utf8') : undefined;
        const imported = await labs.import(bytes, text, path.basename(input.path), actor(ctx));
        return { ...imported, problems: [...imported.problems] };
      },
      ctx,
    ),
    importLabLinks: defineMethod(
      'importLabLinks',
      async (input) => labs.importLinkRegistry(await readOrRefuse(input.path, MAX_REGISTRY_BYTES, 'labLinks.invalid'), path.basename(input.path), actor(ctx)),
      ctx,
    ),
  };
}
