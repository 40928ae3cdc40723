/** What a scanned payload is, before any deeper parsing. */
export const PAYLOAD_KINDS = ['mrz', 'dcc', 'url', 'text', 'unknown'] as const;
export type PayloadKind = (typeof PAYLOAD_KINDS)[number];
