// Files: durable writes (fsync, rename into place) and reading files a person chose (regular files only, capped).
export { freeName, fsyncPath, renameDurable, writeFileDurable, writeNewFileDurably } from './durable-files';
export { readUserFile, readUserFileSync, type UserFileCode, type UserFileProblem } from './regular-file';
