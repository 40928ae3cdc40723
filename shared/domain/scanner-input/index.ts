/**
 * Scanner input decoding: pure, browser-safe framing of what scanners send —
 * wedge keystrokes, HID keyboard and HID POS reports, serial byte streams — into payloads.
 * Devices, timers and UI live in the adapters (shared/node/scanners, renderer); everything
 * here takes bytes/keystrokes plus injected timestamps and returns values.
 */
export { SCAN_SOURCES, createScanEvent, isScanSource } from './scan-event';
export type { ScanEvent, ScanEventInput, ScanEventProblem, ScanEventProblemCode, ScanSource } from './scan-event';

export { describeAimIdentifier, parseAimIdentifier, stripAimPrefix } from './aim-symbology';
export type { AimIdentifier, AimProblem, AimProblemCode, AimSplit, AimSymbology } from './aim-symbology';

export { isCharacterKey, isModifierKey } from './keystroke';
export type { Keystroke } from './keystroke';

export { DEFAULT_MAX_GAP_MS, createBurstDetector, detectBursts, resolveBurstOptions } from './burst-detector';
export type {
  BurstDetector,
  BurstDetectorOptions,
  BurstOptionsProblem,
  BurstOutput,
  HeldShape,
  ScanBurst,
  TypingBurst,
} from './burst-detector';

export { isCompleteScan, isPartialMrz } from './scan-completeness';

export { looksLikeSlowScan, proposeBurstThreshold } from './burst-threshold';
export type { ThresholdLearningOptions, ThresholdProblem, ThresholdProposal } from './burst-threshold';

export { DE_LAYOUT, FR_LAYOUT, KEYBOARD_LAYOUTS, KK_LAYOUT, MAIN_BLOCK_USAGES, RU_LAYOUT, TG_LAYOUT, US_LAYOUT, UZ_CYRL_LAYOUT, composeDeadKey } from './keyboard-layouts';
export type { DeadKey, KeyLevels, KeySymbol, KeyboardLayout, LayoutId } from './keyboard-layouts';

export { KeyCodeMap, characterOfKeyCode, usageOfKeyCode } from './key-codes';

export { FALLBACK_LAYOUTS, autoFixLayout, isScannerAscii, remapLayout } from './layout-fix';
export type { AutoFixOptions, LayoutFix, LayoutFixProblem, LayoutRemap } from './layout-fix';

export { createHidKeyboardDecoder, decodeKeyboardReports, resolveLayout } from './hid-keyboard-report';
export type {
  DecodedKeyboardLine,
  HidKeyboardDecoder,
  HidKeyboardOptions,
  HidKeyboardProblem,
  HidKeyboardProblemCode,
  HidKeyboardStep,
  KeyboardReportsDecoding,
} from './hid-keyboard-report';

export { HID_POS_FORMATS, createHidPosDecoder, decodeHidPosReports, parseHidPosReport } from './hid-pos-report';
export type {
  HidPosDecoder,
  HidPosDecoderOptions,
  HidPosEvent,
  HidPosMessage,
  HidPosProblem,
  HidPosProblemCode,
  HidPosReport,
  HidPosReportFormat,
} from './hid-pos-report';

export { DEFAULT_SERIAL_FRAMER_OPTIONS, GARBAGE_SAMPLE_BYTES, createSerialFramer, frameSerialStream } from './serial-framer';
export type {
  SerialFrame,
  SerialFramer,
  SerialFramerEvent,
  SerialFramerOptions,
  SerialFramerProblem,
  SerialFramerProblemCode,
  SerialFraming,
} from './serial-framer';

export { decodeScannerText } from './text-decoding';
export type { DecodedText, TextEncodingUsed } from './text-decoding';

export { createKeyboardLineAssembler, DEFAULT_KEYBOARD_LINE_OPTIONS } from './keyboard-line-assembler';
export type { AssembledKeyboardScan, KeyboardLineAssembler, KeyboardLineAssemblerOptions } from './keyboard-line-assembler';

export { GENERIC_DESKTOP_PAGE, HID_POS_USAGE_PAGE, KEYBOARD_USAGE, hidDeviceId, hidMatches, serialDeviceId } from './device-id';
export type { HidIdentity } from './device-id';
