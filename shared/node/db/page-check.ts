import crypto from 'node:crypto';
import fs from 'node:fs';

/** SQLCipher 4 page layout as the station writes it (sqlite3mc `sqlcipher`, legacy=4): 4 KiB pages, 16-byte IV, HMAC-SHA512. */
const PAGE_SIZE = 4096;
const RESERVED = 80;
const IV = 16;
const SALT = 16;
/** The pages read at start: the first (schema) and the last ones, where a growing database writes. 1 MiB, a few ms. */
export const RECENT_PAGES = 256;

/** The station database has pages whose HMAC fails: it was altered outside the station, or the disk damaged it. */
export class DatabaseDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly pages: readonly number[],
  ) {
    super(
      `The station database ${file} is damaged: page${pages.length === 1 ? '' : 's'} ${pages.slice(0, 5).join(', ')}${pages.length > 5 ? ' …' : ''} ` +
        'failed the integrity check of the encryption (changed outside the station, or a disk fault). The station did not start and wrote nothing. ' +
        'Stop the station, restore the data folder (station.sqlite with its db.key) from the last backup, and run `checkpoint db check --data-dir <folder>` on it before starting.',
    );
    this.name = 'DatabaseDamagedError';
  }
}

/**
 * Checks the HMAC of the first page and of the last `count` pages of an encrypted station database, as SQLCipher 4
 * does on every read: HMAC-SHA512 over the page's ciphertext and IV and its page number (little endian), keyed with
 * PBKDF2-SHA512(key, salt XOR 0x3a, 2 iterations). A damaged page would otherwise be found only when a call reads
 * it (or by `db check`, which reads every page); this check costs the same at any history length.
 * Returns the page numbers that fail (empty: all good).
 */
export function damagedRecentPages(file: string, key: Buffer, count = RECENT_PAGES): number[] {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (size < PAGE_SIZE || size % PAGE_SIZE !== 0) return size === 0 ? [] : [Math.ceil(size / PAGE_SIZE)];
    const pageCount = size / PAGE_SIZE;
    const page = Buffer.alloc(PAGE_SIZE);
    const readPage = (n: number) => fs.readSync(fd, page, 0, PAGE_SIZE, (n - 1) * PAGE_SIZE);
    readPage(1);
    const salt = Buffer.from(page.subarray(0, SALT).map((b) => b ^ 0x3a));
    const hmacKey = crypto.pbkdf2Sync(key, salt, 2, 32, 'sha512');
    const numbers = new Set([1]);
    for (let n = Math.max(2, pageCount - count + 1); n <= pageCount; n += 1) numbers.add(n);
    const bad: number[] = [];
    const pageNumber = Buffer.alloc(4);
    for (const n of numbers) {
      readPage(n);
      pageNumber.writeUInt32LE(n);
      const mac = crypto
        .createHmac('sha512', hmacKey)
        .update(page.subarray(n === 1 ? SALT : 0, PAGE_SIZE - RESERVED + IV))
        .update(pageNumber)
        .digest();
      if (!mac.equals(page.subarray(PAGE_SIZE - RESERVED + IV))) bad.push(n);
    }
    return bad;
  } finally {
    fs.closeSync(fd);
  }
}
