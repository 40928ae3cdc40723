export { MAX_MANIFEST_ROWS, ManifestReadError, readCsvTable, readXlsxTable } from './read-manifest';
