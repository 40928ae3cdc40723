import { z } from 'zod';

const isoDate = z.iso.date();

/** The identity a passport or ID card's MRZ states, as the station records it. */
export const TravelDocumentSchema = z.object({
  format: z.string().max(16),
  documentCode: z.string().max(2),
  issuingState: z.string().max(3),
  documentNumber: z.string().min(1).max(24),
  nationality: z.string().max(3),
  surname: z.string().max(64),
  givenNames: z.string().max(64),
  birthDate: isoDate.nullable(),
  /** null when the sex position holds something other than M, F, X or <. */
  sex: z.enum(['M', 'F', 'X', '<']).nullable(),
  expiryDate: isoDate.nullable(),
});
export type TravelDocument = z.infer<typeof TravelDocumentSchema>;
