import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Durable file steps: data reaches the disk (fsync) before a rename makes it visible under its final name,
 * and the folder entry itself is synced, so a power cut or a kill leaves either the old state or the new.
 */
export function fsyncPath(target: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(target, 'r');
    fs.fsyncSync(fd);
  } catch (error) {
    // Some file systems (FAT on USB sticks under Windows, network shares) refuse fsync on a folder.
    const code = (error as NodeJS.ErrnoException).code;
    if (!(code === 'EISDIR' || code === 'EPERM' || code === 'EINVAL' || code === 'EBADF')) throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Writes a new file (never an existing one), readable by the owner only unless told, and syncs its data before returning. */
export function writeFileDurable(file: string, data: string | Uint8Array, mode = 0o600): void {
  const fd = fs.openSync(file, 'wx', mode);
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Renames into place and syncs the parent folder so the new name survives a crash. */
export function renameDurable(from: string, to: string): void {
  fs.renameSync(from, to);
  fsyncPath(path.dirname(to));
}

/**
 * Writes `data` to `file` only if it does not exist yet, all or nothing: a temporary file is written and
 * fsynced, then hard-linked into place (link fails if the name exists), so a crash never leaves half a key
 * and two processes starting at once never make two. An existing file fails with the error code EEXIST.
 */
export function writeNewFileDurably(file: string, data: string | Uint8Array, mode = 0o600): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileDurable(temp, data, mode);
  try {
    fs.linkSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  fsyncPath(path.dirname(file));
}

/** A free name in `dir`: `base`, else `base_2`, `base_3`, … (never overwrites an earlier bundle). */
export function freeName(dir: string, base: string, extension = ''): string {
  for (let n = 1; ; n += 1) {
    const name = `${base}${n === 1 ? '' : `_${n}`}${extension}`;
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}
