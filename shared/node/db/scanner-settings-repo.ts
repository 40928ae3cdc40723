import type Database from 'better-sqlite3';
import { ScannerAssignmentSchema, WedgeSettingsSchema, type ScannerAssignment, type WedgeSettings } from '../../contract/scanner';
import { SettingsRepo } from './settings-repo';

/** Settings key of the scanner configuration: a JSON array of assignments (one per device). */
export const SCANNER_ASSIGNMENTS_KEY = 'scanners.assignments';
export const WEDGE_SETTINGS_KEY = 'scanners.wedge';

export interface LoadedScannerSettings {
  readonly assignments: ScannerAssignment[];
  /** Entries that no longer pass the contract (written by an older version, edited by hand): skipped, named here. */
  readonly problems: string[];
}

/**
 * The scanners an admin picked per lane, kept in the station settings table (no table of their own:
 * a handful of small rows that are always read and written whole).
 */
export class ScannerSettingsRepo {
  private readonly settings: SettingsRepo;

  constructor(db: Database.Database) {
    this.settings = new SettingsRepo(db);
  }

  load(): LoadedScannerSettings {
    const raw = this.settings.get(SCANNER_ASSIGNMENTS_KEY);
    if (raw === undefined) return { assignments: [], problems: [] };
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { assignments: [], problems: [`The stored scanner settings are not valid JSON; no scanner is configured.`] };
    }
    if (!Array.isArray(parsed)) return { assignments: [], problems: ['The stored scanner settings are not a list; no scanner is configured.'] };
    const assignments: ScannerAssignment[] = [];
    const problems: string[] = [];
    parsed.forEach((entry: unknown, index) => {
      const result = ScannerAssignmentSchema.safeParse(entry);
      if (result.success) assignments.push(result.data);
      else problems.push(`Scanner setting #${index + 1} was skipped: ${result.error.issues[0]?.message ?? 'invalid'}.`);
    });
    return { assignments, problems };
  }

  /** Call inside StationStore.transaction together with the audit entry. */
  save(assignments: readonly ScannerAssignment[]): void {
    this.settings.set(SCANNER_ASSIGNMENTS_KEY, JSON.stringify(assignments));
  }

  /** The wedge settings, or the defaults when none are stored (or what is stored no longer parses). */
  loadWedge(): WedgeSettings {
    const raw = this.settings.get(WEDGE_SETTINGS_KEY);
    let stored: unknown;
    try {
      stored = raw === undefined ? {} : JSON.parse(raw);
    } catch {
      stored = {};
    }
    const parsed = WedgeSettingsSchema.safeParse(stored);
    return parsed.success ? parsed.data : WedgeSettingsSchema.parse({});
  }

  saveWedge(settings: WedgeSettings): void {
    this.settings.set(WEDGE_SETTINGS_KEY, JSON.stringify(settings));
  }
}
