// Writing and reading export bundles on disk; the format itself is shared/domain/export.
export { EVERY_CROSSING_FIELD_IS_EXPORTED, asExportable } from './crossing-fields';
export { MAX_BUNDLE_BYTES, nodeSha256, readBundle, readZipBundle, type ReadBundleResult } from './read-bundle';
export { readPublicKeyFile, type PublicKeyFile } from './public-key-file';
export { writeBundle, type BundleSigner, type BundleSource, type ExportProgress, type WriteBundleOptions, type WrittenBundle } from './write-bundle';
export { freeName, renameDurable, writeFileDurable } from '../files';
