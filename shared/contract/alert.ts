import { z } from 'zod';
import { ALERT_TYPES } from '../domain/corridor/types';
import { isoDateTime } from './ids';

export const AlertTypeSchema = z.enum(ALERT_TYPES);
export const AlertStatusSchema = z.enum(['open', 'acknowledged', 'resolved']);

export const AlertSchema = z.object({
  id: z.uuid(),
  type: AlertTypeSchema,
  severity: z.enum(['warning', 'critical']),
  status: AlertStatusSchema,
  raisedAt: isoDateTime,
  corridorId: z.string().nullable(),
  groupId: z.string().nullable(),
  crossingId: z.string().nullable(),
  /** Plain English, with the names of the people concerned (read from the data tables, not the audit log). */
  message: z.string(),
  /**
   * The values of that sentence for screens that say it in another language (`alerts:message.<type>`):
   * people (names joined by "; ", at most 12), more (how many names were left out), group (label), minutes,
   * sequence (earlier crossing number), expiry (date), count (people concerned).
   */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** How many people the alert is about (group incomplete: how many are missing). */
  subjectCount: z.number().int().nonnegative(),
  acknowledgedAt: isoDateTime.nullable(),
  acknowledgedBy: z.string().nullable(),
  note: z.string().nullable(),
  resolvedAt: isoDateTime.nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;

export const ListAlertsInputSchema = z.strictObject({
  status: z.enum(['open', 'acknowledged', 'resolved', 'all']).default('open'),
  groupId: z.uuid().optional(),
  limit: z.number().int().min(1).max(500).default(50),
});
export type ListAlertsInput = z.input<typeof ListAlertsInputSchema>;
export const AlertPageSchema = z.object({ items: z.array(AlertSchema), total: z.number().int().nonnegative() });

export const AcknowledgeAlertInputSchema = z.strictObject({
  alertId: z.uuid(),
  note: z.string().trim().max(500).optional(),
});
