// ICAO 9303 machine-readable zones: parsing with OCR correction, check digits, country codes, name matching.
export { parseMrz } from './parse-mrz';
export { looksLikeMrz } from './looks-like-mrz';
export { buildMrz, type BuiltMrz, type MrzDocumentInput } from './build-mrz';
export { computeCheckDigit, isCheckDigitValid } from './check-digit';
export { countryName, countryCodes, SPECIMEN_STATE_CODE } from './countries';
export { ageOn, daysUntil, resolveYear, EXPIRY_YEARS_AHEAD, EXPIRY_YEARS_BEHIND_PLAUSIBLE } from './dates';
export { nameKey, nameSimilarity, personNameKey } from './name-key';
export { normaliseMrzInput } from './normalise';
export { MRZ_SPECIMENS, type MrzSpecimen } from './specimens';
export type {
  MrzCheck,
  MrzCheckName,
  MrzCorrection,
  MrzCorrectionField,
  MrzFieldName,
  MrzFields,
  MrzFormat,
  MrzNormalisation,
  MrzNormalisationCode,
  MrzProblem,
  MrzProblemCode,
  MrzReadable,
  MrzResult,
  MrzSex,
  MrzStatus,
  MrzUnreadable,
  ParseMrzOptions,
} from './types';
