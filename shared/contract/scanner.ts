import { z } from 'zod';
import { HID_POS_FORMATS } from '../domain/scanner-input/hid-pos-report';

/**
 * Scanner devices owned by the host process: HID keyboard-mode and HID POS scanners via
 * node-hid, serial passport readers via serialport. An admin picks a device per lane with its decoder
 * configuration; the core keeps that list in the station settings and the host's scanner manager
 * runs it.
 */
export const DEFAULT_LANE = 'lane-1';

export const SCANNER_KINDS = ['hid-keyboard', 'hid-pos', 'serial'] as const;
export const ScannerKindSchema = z.enum(SCANNER_KINDS);

export const KEYBOARD_LAYOUT_IDS = ['us', 'de', 'fr', 'ru', 'kk', 'uz-Cyrl', 'tg'] as const;
export const HID_POS_FORMAT_IDS = Object.keys(HID_POS_FORMATS) as [keyof typeof HID_POS_FORMATS, ...(keyof typeof HID_POS_FORMATS)[]];
export const SERIAL_FRAMINGS = ['stx-etx', 'soh-etx', 'lines'] as const;
/** The rates passport readers are set to (RS-232 standard rates, ITU-T V.24 / EIA-232). */
export const SERIAL_BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

const LaneSchema = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9 _-]+$/, 'a lane name uses letters, digits, space, - and _');
const Uint16Schema = z.number().int().min(0).max(0xffff);

/**
 * How a HID device is found again after it is unplugged: its hidraw path changes, vendor, product,
 * serial number and interface do not.
 */
export const HidMatchSchema = z.strictObject({
  vendorId: Uint16Schema,
  productId: Uint16Schema,
  serialNumber: z.string().max(128).optional(),
  usagePage: Uint16Schema.optional(),
  interface: z.number().int().min(-1).max(255).optional(),
});
export type HidMatch = z.infer<typeof HidMatchSchema>;

const common = {
  lane: LaneSchema.default(DEFAULT_LANE),
  /** A name the admin gives it ("Lane 1 passport reader"). */
  label: z.string().trim().max(60).optional(),
};

export const ScannerAssignmentSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('hid-keyboard'),
    ...common,
    device: HidMatchSchema,
    /** The layout the scanner is set to emulate (its key positions are read in this layout). */
    layout: z.enum(KEYBOARD_LAYOUT_IDS).default('us'),
    /** Report ID byte in front of each boot report, when the device numbers its reports. */
    reportId: z.number().int().min(1).max(255).optional(),
  }),
  z.strictObject({
    kind: z.literal('hid-pos'),
    ...common,
    device: HidMatchSchema,
    format: z.enum(HID_POS_FORMAT_IDS).default('honeywell64'),
  }),
  z.strictObject({
    kind: z.literal('serial'),
    ...common,
    path: z.string().trim().min(1).max(200),
    baudRate: z.number().int().refine((rate) => (SERIAL_BAUD_RATES as readonly number[]).includes(rate), 'not a standard baud rate').default(9600),
    framing: z.enum(SERIAL_FRAMINGS).default('lines'),
  }),
]);
export type ScannerAssignment = z.infer<typeof ScannerAssignmentSchema>;
export type ScannerAssignmentInput = z.input<typeof ScannerAssignmentSchema>;

export const SCANNER_STATES = ['connecting', 'connected', 'disconnected', 'unavailable', 'stopped'] as const;
export const ScannerStateSchema = z.enum(SCANNER_STATES);
export type ScannerState = z.infer<typeof ScannerStateSchema>;

/** A configured scanner as the lane's status bar shows it: no payloads, no personal data. */
export const ScannerStatusSchema = z.object({
  deviceId: z.string(),
  lane: z.string(),
  kind: ScannerKindSchema,
  label: z.string(),
  state: ScannerStateSchema,
  /** One sentence for the operator, e.g. "Scanner disconnected — reconnecting in 2 s." */
  message: z.string(),
  since: z.iso.datetime({ offset: true }),
  lastScanAt: z.iso.datetime({ offset: true }).optional(),
});
export type ScannerStatus = z.infer<typeof ScannerStatusSchema>;

export const DetectedDeviceSchema = z.object({
  /** The id an assignment of this device gets (stable across replugging). */
  deviceId: z.string(),
  transport: z.enum(['hid', 'serial']),
  /** Human name: product and manufacturer, or the port path. */
  name: z.string(),
  path: z.string().optional(),
  vendorId: Uint16Schema.optional(),
  productId: Uint16Schema.optional(),
  serialNumber: z.string().optional(),
  manufacturer: z.string().optional(),
  usagePage: Uint16Schema.optional(),
  usage: Uint16Schema.optional(),
  interface: z.number().int().optional(),
  /** What the device most likely is, from its usage page (HID POS = 0x8C, keyboard = 0x01/0x06). */
  suggestedKind: ScannerKindSchema.optional(),
  assigned: z.boolean(),
});
export type DetectedDevice = z.infer<typeof DetectedDeviceSchema>;

export const ScannerSupportSchema = z.object({ available: z.boolean(), message: z.string() });

export const ListScannersInputSchema = z.strictObject({});
export const ScannerListSchema = z.object({
  devices: z.array(DetectedDeviceSchema),
  configured: z.array(z.object({ deviceId: z.string(), assignment: ScannerAssignmentSchema, status: ScannerStatusSchema })),
  support: z.object({ hid: ScannerSupportSchema, serial: ScannerSupportSchema }),
});
export type ScannerList = z.infer<typeof ScannerListSchema>;

export const GetScannerStatusInputSchema = z.strictObject({});
export const ScannerStatusListSchema = z.object({ scanners: z.array(ScannerStatusSchema) });

export const AssignScannerInputSchema = z.strictObject({ assignment: ScannerAssignmentSchema });
export const UnassignScannerInputSchema = z.strictObject({ deviceId: z.string().min(1).max(300) });
export const UnassignedScannerSchema = z.object({ deviceId: z.string(), removed: z.boolean() });

/** One line of the Settings test area: the bytes that came in and how they were framed. */
export const ScannerFeedEntrySchema = z.object({
  at: z.iso.datetime({ offset: true }),
  deviceId: z.string(),
  outcome: z.enum(['scan', 'partial', 'garbage', 'error', 'ignored']),
  /** How the bytes were framed, e.g. "STX…ETX frame, 88 bytes" or "HID POS, 8 reports, AIM ]Q1 (QR Code)". */
  framing: z.string(),
  /** Raw input bytes as hex (the latest 512 at most). */
  rawHex: z.string(),
  rawBytes: z.number().int().nonnegative(),
  text: z.string().optional(),
  symbology: z.string().optional(),
  message: z.string().optional(),
});
export type ScannerFeedEntry = z.infer<typeof ScannerFeedEntrySchema>;

export const GetScannerFeedInputSchema = z.strictObject({
  limit: z.number().int().min(1).max(100).default(20),
  deviceId: z.string().max(300).optional(),
});
export const ScannerFeedSchema = z.object({ entries: z.array(ScannerFeedEntrySchema) });

/**
 * What the lane screen is set to, so a scan from a device the host owns is judged like one typed at the
 * lane: same direction and corridor, joining the traveller on screen.
 */
export const SetLaneContextInputSchema = z.strictObject({
  lane: LaneSchema.default(DEFAULT_LANE),
  direction: z.enum(['entry', 'exit']),
  corridorId: z.string().max(40).optional(),
  /** The scanId of the traveller on screen, or null when the lane is idle. */
  openScanId: z.uuid().nullable(),
});
export const LaneContextSchema = z.object({ lane: z.string(), direction: z.enum(['entry', 'exit']), openScanId: z.uuid().nullable() });

/**
 * Keyboard-wedge burst detection at the lane (renderer): the largest gap between a scanner's characters,
 * the quiet time that ends a multi-line MRZ, and the prefix/suffix the scanners are programmed with.
 */
export const WedgeSettingsSchema = z.strictObject({
  maxGapMs: z.number().int().min(5).max(100).default(30),
  /** Quiet time after Enter before the scan is complete; default 3 × maxGapMs. */
  endIdleMs: z.number().int().min(0).max(2000).optional(),
  minLength: z.number().int().min(2).max(64).default(4),
  prefix: z.string().max(16).default(''),
  suffix: z.string().max(16).default(''),
  /** Map text typed through another OS layout (Cyrillic ones by physical key or table, German/French by table) back to what the scanner sent (MRZ and HC1 are ASCII). */
  fixKeyboardLayout: z.boolean().default(true),
});
export type WedgeSettings = z.infer<typeof WedgeSettingsSchema>;
export const GetWedgeSettingsInputSchema = z.strictObject({});
export const SaveWedgeSettingsInputSchema = z.strictObject({ settings: WedgeSettingsSchema });
