// The step names on their own, without the verifier: the contract (and through it the renderer) names the steps,
// and importing them must not pull the COSE, X.509 and CBOR code into the screen's bundle.

/** The pipeline's steps, in order (hcert spec §3–4: QR → Base45 → zlib → COSE → CWT → HCERT). */
export type DccStep = 'prefix' | 'base45' | 'inflate' | 'cose' | 'cbor' | 'schema' | 'signature' | 'keyUsage' | 'expiry' | 'revocation';
export const DCC_STEPS: readonly DccStep[] = [
  'prefix',
  'base45',
  'inflate',
  'cose',
  'cbor',
  'schema',
  'signature',
  'keyUsage',
  'expiry',
  'revocation',
];
