import { z } from 'zod';

export const OUTCOMES = ['OK', 'NOT_OK', 'NEEDS_CROSS_CHECK'] as const;
export const OutcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof OutcomeSchema>;

/** One plain-words reason behind an outcome; `code` is stable for translation, `message` is English. */
export const ReasonSchema = z.object({
  code: z.string().min(1).max(64),
  severity: z.enum(['info', 'warning', 'blocking']),
  message: z.string().max(500),
  /** The values in the message (dates, names, hours), so a screen can say the same sentence in its own language. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Reason = z.infer<typeof ReasonSchema>;

export const DecisionSchema = z.object({
  outcome: OutcomeSchema,
  /** False when the scan identifies nobody (a certificate alone, plain text): it cannot become a crossing. */
  recordable: z.boolean(),
  reasons: z.array(ReasonSchema),
});
export type Decision = z.infer<typeof DecisionSchema>;
