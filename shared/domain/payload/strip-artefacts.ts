export interface Stripped {
  readonly text: string;
  /** Human-readable notes of what was removed, e.g. "AIM symbology identifier ]Q1". */
  readonly stripped: string[];
}

// ISO/IEC 15424: "]" + code character + modifier character, sent by scanners configured to prefix it.
const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;
// C0 controls and DEL except line breaks (a multi-line MRZ keeps its lines) and tab.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Removes scanner artefacts that are never part of a document's data, and says what it removed. */
export function stripScannerArtefacts(raw: string): Stripped {
  const stripped: string[] = [];
  let text = raw;
  if (text.startsWith('\uFEFF')) {
    text = text.slice(1);
    stripped.push('byte order mark');
  }
  const aim = AIM_PREFIX.exec(text);
  if (aim) {
    text = text.slice(aim[0].length);
    stripped.push(`AIM symbology identifier ${aim[0]}`);
  }
  const withoutControls = text.replace(CONTROL_CHARS, '');
  if (withoutControls.length !== text.length) {
    stripped.push(`${text.length - withoutControls.length} control character(s)`);
    text = withoutControls;
  }
  const trimmed = text.replace(/^[\r\n\t ]+|[\r\n\t ]+$/g, '');
  if (trimmed.length !== text.length) {
    stripped.push('leading/trailing whitespace or line breaks');
    text = trimmed;
  }
  return { text, stripped };
}
