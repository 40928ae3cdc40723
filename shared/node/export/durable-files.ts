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

export function writeFileDurable(file: string, data: string | Uint8Array): void {
  const fd = fs.openSync(file, 'wx', 0o644);
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

/** A free name in `dir`: `base`, else `base_2`, `base_3`, … (never overwrites an earlier bundle). */
export function freeName(dir: string, base: string, extension = ''): string {
  for (let n = 1; ; n += 1) {
    const name = `${base}${n === 1 ? '' : `_${n}`}${extension}`;
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}
