import { z } from 'zod';

/** Codes both ends of a corridor agree on (checkpoints, corridors, stations): capitals, digits and dashes. */
export const CodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'use capital letters, digits and dashes (2 to 40 characters)');

export const isoDateTime = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();
