import { createHash } from 'node:crypto';

/**
 * SHA-256 as hex, synchronously: the audit chain hashes inside SQLite transactions, which cannot await.
 * Strings are hashed as UTF-8. Code that also runs in the browser uses shared/domain/export/crypto.ts.
 */
export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
