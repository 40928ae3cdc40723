import type Database from 'better-sqlite3';
import { signedHeadText, type SignedHead } from '../../domain/audit-anchor';
import { GENESIS_HASH } from '../db/audit-log';
import { restrictToOwner } from '../files';
import { appendHead, headsFilePath, readHeadsFile } from './heads-file';
import { verifiedHeadPath } from './verified-head';

export interface HeadSigner {
  readonly publicKey: string;
  sign(data: Uint8Array): string;
}

/** The newest audit row: its number and hash (0 and the genesis hash for an empty log). */
export function chainHead(db: Database.Database): { seq: number; hash: string } {
  const row = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
  return row ?? { seq: 0, hash: GENESIS_HASH };
}

/**
 * Signs the chain head and appends it to the heads file when it moved since the last head there; returns the newest
 * head either way (undefined for an empty log). `last` saves re-reading the file on each call.
 */
export class HeadAnchor {
  private last: SignedHead | undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly dataDir: string,
    private readonly signer: HeadSigner,
    private readonly stationId: () => string,
    private readonly now: () => Date,
  ) {
    const { heads } = readHeadsFile(dataDir);
    this.last = heads.at(-1);
    // Files an earlier run left open to other users are closed at start, like every data file.
    restrictToOwner(headsFilePath(dataDir));
    restrictToOwner(verifiedHeadPath(dataDir));
  }

  anchor(): SignedHead | undefined {
    const { seq, hash } = chainHead(this.db);
    if (seq === 0) return this.last;
    if (this.last && this.last.seq === seq && this.last.hash === hash && this.last.publicKey === this.signer.publicKey) return this.last;
    const unsigned = { stationId: this.stationId(), seq, hash, at: this.now().toISOString(), publicKey: this.signer.publicKey };
    const head: SignedHead = { ...unsigned, signature: this.signer.sign(Buffer.from(signedHeadText(unsigned), 'utf8')) };
    appendHead(this.dataDir, head);
    this.last = head;
    return head;
  }

  /** The newest `count` heads of the file (for an export manifest), oldest first. */
  recent(count: number): SignedHead[] {
    return readHeadsFile(this.dataDir).heads.slice(-count);
  }
}
