import type { RuleProfile } from './rule-profile';

/**
 * The profile a new station starts with, modelled on Uzbekistan's 2020–21 requirement for
 * travellers entering or crossing the country (decisions of the Special Republican Commission
 * on COVID-19): a negative PCR test whose sample was taken at most 72 hours before arrival.
 * It is a model for the corridor Kazakhstan → Uzbekistan → Tajikistan, not the legal text:
 * the transit time to the exit and the age of exempt children are assumptions an admin should
 * set from the current decree (a change is saved as a new version).
 */
export const UZBEKISTAN_TRANSIT_PCR_72H: RuleProfile = {
  id: 'uz-transit-pcr',
  version: 1,
  name: 'Uzbekistan transit: negative PCR test, at most 72 hours old',
  corridor: 'KZ-UZ-TJ',
  direction: 'both',
  effectiveFrom: '2020-08-01T00:00:00+05:00',
  source: 'Modelled on the 2020–21 entry rule of Uzbekistan (negative PCR, sample ≤ 72 h before arrival); not an official text.',
  accept: {
    pcr: { maxAgeHours: 72 },
    rat: null,
    vaccination: null,
    recovery: null,
    paperLabCertificate: { sufficient: false },
    otherQr: true,
  },
  // A bus from the Kazakh border at Zhibek Zholy to the Tajik border at Oybek needs about half a day with stops.
  expectedHoursToExit: 12,
  exemptions: { childrenUnderYears: 5 },
};

export const DEFAULT_RULE_PROFILES: readonly RuleProfile[] = [UZBEKISTAN_TRANSIT_PCR_72H];
