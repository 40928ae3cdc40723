import fs from 'node:fs';

/** Folders the station makes in its data folder: the owner's only (personal data lives there). */
export const PRIVATE_DIR_MODE = 0o700;
/** Files the station writes in its data folder. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Makes a folder (and its missing parents) readable by the owner only, and takes group and other access away
 * from one that exists already (a station made by an earlier version, which left it to the umask).
 */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  restrictToOwner(dir, PRIVATE_DIR_MODE);
}

/**
 * Takes group and other access away from an existing file or folder; nothing happens when it does not exist.
 * SQLite creates a database's -wal and -shm files with the database file's mode, so restricting the database
 * file before they are made restricts them too.
 */
export function restrictToOwner(target: string, mode: number = PRIVATE_FILE_MODE): void {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (stat && (stat.mode & 0o077) !== 0) fs.chmodSync(target, mode);
}
