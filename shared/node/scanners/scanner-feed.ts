import type { ScannerFeedEntry } from '../../contract/scanner';

/** The last bytes and frames of every device, for the Settings test area. Memory only: it can hold MRZ text. */
export class ScannerFeed {
  private entries: ScannerFeedEntry[] = [];

  constructor(private readonly capacity = 50) {}

  record(entry: ScannerFeedEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** Newest first. */
  latest(limit: number, deviceId?: string): ScannerFeedEntry[] {
    const matching = deviceId === undefined ? this.entries : this.entries.filter((entry) => entry.deviceId === deviceId);
    return matching.slice(-limit).reverse();
  }
}

/** Raw bytes received since the last decode outcome, keeping only the newest `keep` bytes for display. */
export class RawTail {
  private chunks: Uint8Array[] = [];
  private kept = 0;
  private total = 0;

  constructor(private readonly keep = 512) {}

  add(bytes: Uint8Array): void {
    this.total += bytes.length;
    this.chunks.push(bytes);
    this.kept += bytes.length;
    while (this.chunks.length > 1 && this.kept - (this.chunks[0]?.length ?? 0) >= this.keep) {
      this.kept -= this.chunks.shift()?.length ?? 0;
    }
  }

  take(): { hex: string; bytes: number } {
    const all = Buffer.concat(this.chunks);
    const shown = all.subarray(Math.max(0, all.length - this.keep));
    const out = { hex: shown.toString('hex'), bytes: this.total };
    this.chunks = [];
    this.kept = 0;
    this.total = 0;
    return out;
  }
}
