// Files: durable writes (fsync, rename into place) and reading files a person chose (regular files only, capped).
export { freeName, fsyncPath, renameDurable, writeFileDurable, writeNewFileDurably } from './durable-files';
export { readUserFile, readUserFileSync, type UserFileCode, type UserFileProblem } from './regular-file';
export { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, makePrivateDir, restrictToOwner } from './private-files';
