import type { Crossing } from '../../contract';
import type { ExportableCrossing } from '../../domain/export';

// Compile-time guard: every field of the contract's Crossing must have a place in the export format.
// A field added to crossing.ts shows up here as a type error naming it, until export-rows.ts writes it.
// `delivery` is the row's state towards the central system, not part of the record itself.
type Unexported = Exclude<keyof Crossing, keyof ExportableCrossing | 'delivery'>;
export const EVERY_CROSSING_FIELD_IS_EXPORTED: [Unexported] extends [never] ? true : Unexported = true;

/** A stored crossing is an exportable one (the types agree field by field). */
export const asExportable = (crossing: Crossing): ExportableCrossing => crossing;
