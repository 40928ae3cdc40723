/**
 * The EU DCC value sets the station needs to read a certificate: code → English display.
 *
 * Source: eHealth Network "Value Sets for Digital COVID Certificates" as published in
 * ehn-dcc-development/ehn-dcc-valuesets, release vs-1.15 (2023-07-12, Apache-2.0); schema
 * 1.3.x references them through `valueset-uri`. Deprecated codes stay: certificates issued
 * with them are still genuine. The project was frozen on 2023-07-01 (handed to WHO), so
 * these tables are final.
 *
 * Not here: test-manf (RAT device ids). That list is the JRC "HSC common list", managed on
 * the EU gateway and growing; the station cannot own it, so device ids are shown as
 * received and never rejected.
 */

export type ValueSetId =
  | 'disease-agent-targeted'
  | 'vaccine-prophylaxis'
  | 'vaccine-medicinal-product'
  | 'vaccine-mah-manf'
  | 'test-type'
  | 'test-result'
  | 'country-2-codes';

/** vs-1.15 §2.1 disease-agent-targeted (SNOMED CT). */
const DISEASE_AGENT_TARGETED: Readonly<Record<string, string>> = {
  '840539006': 'COVID-19',
};

/** vs-1.15 §2.2 vaccine-prophylaxis (SNOMED CT, ATC). */
const VACCINE_PROPHYLAXIS: Readonly<Record<string, string>> = {
  '1119305005': 'SARS-CoV-2 antigen vaccine',
  '1119349007': 'SARS-CoV-2 mRNA vaccine',
  '1157024006': 'Inactivated whole SARS-CoV-2 antigen vaccine',
  '1162643001': 'SARS-CoV-2 recombinant spike protein antigen vaccine',
  '1187593009': 'SARS-CoV-2 DNA plasmid encoding spike protein vaccine',
  J07BX03: 'covid-19 vaccines (deprecated)',
  '29061000087103': 'COVID-19 non-replicating viral vector vaccine',
  '28531000087107': 'COVID-19 vaccine',
  '30141000087107': 'SARS-CoV-2 virus-like particle antigen vaccine',
};

/** vs-1.15 §2.3 vaccine-medicinal-product (EU product numbers, else names). */
const VACCINE_MEDICINAL_PRODUCT: Readonly<Record<string, string>> = {
  'EU/1/20/1528': 'Comirnaty',
  'EU/1/20/1507': 'Spikevax',
  'EU/1/21/1529': 'Vaxzevria',
  'EU/1/20/1525': 'Jcovden',
  'EU/1/21/1618': 'Nuvaxovid',
  'EU/1/21/1624': 'COVID-19 Vaccine Valneva',
  'EU/1/21/1580': 'VidPrevtyn Beta',
  'EU/1/22/1709': 'Bimervax',
  CVnCoV: 'CVnCoV',
  'NVX-CoV2373': 'NVX-CoV2373 (deprecated)',
  'Sputnik-V': 'Sputnik-V',
  Convidecia: 'Convidecia',
  EpiVacCorona: 'EpiVacCorona',
  'EpiVacCorona-N': 'EpiVacCorona-N',
  'BBIBP-CorV': 'BBIBP-CorV',
  'Inactivated-SARS-CoV-2-Vero-Cell': 'Inactivated SARS-CoV-2 (Vero Cell) (deprecated)',
  CoronaVac: 'CoronaVac',
  Covaxin: 'Covaxin',
  Covishield: 'Covishield',
  'Covid-19-recombinant': 'Covid-19 (recombinant)',
  'R-COVI': 'R-COVI',
  CoviVac: 'CoviVac',
  'Sputnik-Light': 'Sputnik Light',
  'Sputnik-M': 'Sputnik M',
  'Hayat-Vax': 'Hayat-Vax',
  Abdala: 'Abdala',
  'WIBP-CorV': 'WIBP-CorV',
  'MVC-COV1901': 'MVC COVID-19 vaccine',
  Covovax: 'Covovax',
  Vidprevtyn: 'Vidprevtyn (deprecated)',
  VLA2001: 'VLA2001 (deprecated)',
  'Covid-19-adsorvida-inativada': 'Vacina adsorvida covid-19 (inativada)',
  'NVSI-06-08': 'NVSI-06-08',
  'YS-SC2-010': 'YS-SC2-010',
  SCTV01C: 'SCTV01C',
  Covifenz: 'Covifenz',
  AZD2816: 'AZD2816',
  'Soberana-02': 'Soberana 02',
  'Soberana-Plus': 'Soberana Plus',
};

/** vs-1.15 §2.4 vaccine-mah-manf (EMA SPOR organisation ids, else names). */
const VACCINE_MAH_MANF: Readonly<Record<string, string>> = {
  'ORG-100001699': 'AstraZeneca AB',
  'ORG-100030215': 'Biontech Manufacturing GmbH',
  'ORG-100001417': 'Janssen-Cilag International',
  'ORG-100031184': 'Moderna Biotech Spain S.L.',
  'ORG-100006270': 'Curevac AG',
  'ORG-100013793': 'CanSino Biologics',
  'ORG-100020693': 'China Sinopharm International Corp. - Beijing location',
  'ORG-100010771': 'Sinopharm Weiqida Europe Pharmaceutical s.r.o. - Prague location',
  'ORG-100024420': 'Sinopharm Zhijun (Shenzhen) Pharmaceutical Co. Ltd. - Shenzhen location',
  'ORG-100032020': 'Novavax CZ a.s.',
  'Gamaleya-Research-Institute': 'Gamaleya Research Institute',
  'Vector-Institute': 'Vector Institute',
  'Sinovac-Biotech': 'Sinovac Biotech',
  'Bharat-Biotech': 'Bharat Biotech',
  'ORG-100001981': 'Serum Institute Of India Private Limited',
  Fiocruz: 'Fiocruz',
  'ORG-100007893': 'R-Pharm CJSC',
  'Chumakov-Federal-Scientific-Center':
    'Chumakov Federal Scientific Center for Research and Development of Immune-and-Biological Products',
  'ORG-100023050': 'Gulf Pharmaceutical Industries',
  CIGB: 'Center for Genetic Engineering and Biotechnology',
  'Sinopharm-WIBP': 'Sinopharm - Wuhan Institute of Biological Products',
  'ORG-100033914': 'Medigen Vaccine Biologics Corporation',
  'ORG-100000788': 'Sanofi Pasteur',
  'ORG-100036422': 'Valneva France',
  'Instituto-Butantan': 'Instituto Butantan',
  NVSI: 'National Vaccine and Serum Institute, China',
  'Yisheng-Biopharma': 'Yisheng Biopharma',
  'ORG-100026614': 'Sinocelltech Ltd.',
  'ORG-100008549': 'Medicago Inc.',
  'Finlay-Institute': 'Finlay Institute of Vaccines',
  'ORG-100036914': 'Hipra Human Health S.L.',
};

/** vs-1.15 §2.7 test-type (LOINC). */
const TEST_TYPE: Readonly<Record<string, string>> = {
  'LP6464-4': 'Nucleic acid amplification with probe detection',
  'LP217198-3': 'Rapid immunoassay',
};

/** vs-1.15 §2.9 test-result (SNOMED CT). */
const TEST_RESULT: Readonly<Record<string, string>> = {
  '260373001': 'Detected',
  '260415000': 'Not detected',
};

/**
 * vs-1.15 §2.6 country-2-codes: ISO 3166-1 alpha-2 (2019-11-01 list) plus XK (Kosovo, a
 * user-assigned code the EU uses). Display names come from the runtime's CLDR data.
 */
const COUNTRY_CODES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV ' +
    'BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ' +
    'ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE ' +
    'IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY ' +
    'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU ' +
    'NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM ' +
    'SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE ' +
    'VG VI VN VU WF WS YE YT ZA ZM ZW XK'
  ).split(' '),
);

const TABLES: Readonly<Record<Exclude<ValueSetId, 'country-2-codes'>, Readonly<Record<string, string>>>> = {
  'disease-agent-targeted': DISEASE_AGENT_TARGETED,
  'vaccine-prophylaxis': VACCINE_PROPHYLAXIS,
  'vaccine-medicinal-product': VACCINE_MEDICINAL_PRODUCT,
  'vaccine-mah-manf': VACCINE_MAH_MANF,
  'test-type': TEST_TYPE,
  'test-result': TEST_RESULT,
};

let regionNames: Intl.DisplayNames | undefined;

/** English display for a code, or `undefined` when the code is not in the value set. */
export function lookupValueSet(valueSet: ValueSetId, code: string): string | undefined {
  if (valueSet === 'country-2-codes') {
    if (!COUNTRY_CODES.has(code)) return undefined;
    if (code === 'XK') return 'Kosovo';
    try {
      regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
      return regionNames.of(code) ?? code;
    } catch {
      return code; // a runtime without Intl.DisplayNames still knows the code is valid
    }
  }
  const table = TABLES[valueSet];
  return Object.hasOwn(table, code) ? table[code] : undefined;
}

/** LOINC codes of test-type, named for the rules that tell PCR from rapid antigen tests. */
export const TEST_TYPE_NAAT = 'LP6464-4';
export const TEST_TYPE_RAT = 'LP217198-3';
/** SNOMED CT codes of test-result. */
export const TEST_RESULT_NOT_DETECTED = '260415000';
export const TEST_RESULT_DETECTED = '260373001';

/**
 * The value sets as CertLogic rules see them (`external.valueSets`): the EU gateway's value-set ids, each a list of
 * codes. test-manf (covid-19-lab-test-manufacturer-and-name) is not held here (see above): a rule that asks for it
 * finds an empty list.
 */
export function certLogicValueSets(): Record<string, string[]> {
  return {
    'country-2-codes': [...COUNTRY_CODES],
    'disease-agent-targeted': Object.keys(DISEASE_AGENT_TARGETED),
    'sct-vaccines-covid-19': Object.keys(VACCINE_PROPHYLAXIS),
    'vaccines-covid-19-names': Object.keys(VACCINE_MEDICINAL_PRODUCT),
    'vaccines-covid-19-auth-holders': Object.keys(VACCINE_MAH_MANF),
    'covid-19-lab-test-type': Object.keys(TEST_TYPE),
    'covid-19-lab-result': Object.keys(TEST_RESULT),
    'covid-19-lab-test-manufacturer-and-name': [],
  };
}
