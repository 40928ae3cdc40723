export { freeName, fsyncPath, renameDurable, writeFileDurable, writeNewFileDurably } from './durable-files';
