import { mrzOf, traveller } from '../fixtures/corridor/bus';

/** The MRZ of traveller `n` of a long run: a distinct document number per n, adults with plausible dates. */
export const lanePassport = (n: number): string => mrzOf(traveller(100 + (n % 500), { documentNumber: `T${String(n % 1e8).padStart(8, '0')}` }));
