import { z } from 'zod';
import { PIN_MAX_LENGTH, PIN_MIN_LENGTH, ROLES } from '../domain/auth';
import { SaveCheckpointInputSchema, SaveCorridorInputSchema } from './corridor';
import { CodeSchema, isoDateTime } from './ids';

export const RoleSchema = z.enum(ROLES);

const UsernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'a user name is letters, digits, dots, dashes or underscores');
const PinSchema = z.string().regex(/^\d+$/, 'a PIN is digits only').min(PIN_MIN_LENGTH).max(PIN_MAX_LENGTH);

export const SessionUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const StationSummarySchema = z.object({
  id: z.string(),
  checkpointId: z.string().nullable(),
  checkpointName: z.string().nullable(),
});

export const WhoAmIInputSchema = z.strictObject({});
export const WhoAmISchema = z.object({
  user: SessionUserSchema.nullable(),
  /** No user exists yet: only the first-run wizard (bootstrapStation) is open. */
  needsSetup: z.boolean(),
  station: StationSummarySchema,
});
export type WhoAmI = z.infer<typeof WhoAmISchema>;

export const LoginInputSchema = z.strictObject({
  username: z.string().trim().min(1).max(32),
  pin: z.string().min(1).max(PIN_MAX_LENGTH),
  /** The person's own new PIN, when an administrator reset theirs (sign-in answers `auth.newPinRequired`). */
  newPin: PinSchema.optional(),
});
export const LogoutInputSchema = z.strictObject({});
export const LogoutSchema = z.object({ signedOut: z.boolean() });

export const NewUserSchema = z.strictObject({
  username: UsernameSchema,
  displayName: z.string().trim().min(1).max(64),
  pin: PinSchema,
});

export const BootstrapStationInputSchema = z.strictObject({
  /** Keep the generated id when absent; may be set only before the first crossing. */
  stationId: CodeSchema.optional(),
  checkpoint: SaveCheckpointInputSchema,
  /** The other end(s) of this station's corridors. */
  otherCheckpoints: z.array(SaveCheckpointInputSchema).max(20).default([]),
  corridors: z.array(SaveCorridorInputSchema).max(20).default([]),
  admin: NewUserSchema,
});
export type BootstrapStationInput = z.input<typeof BootstrapStationInputSchema>;

export const UserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  active: z.boolean(),
  failedAttempts: z.number().int().nonnegative(),
  lockedUntil: isoDateTime.nullable(),
  /** An administrator reset the PIN: the next sign-in chooses a new one. */
  pinMustChange: z.boolean(),
  createdAt: isoDateTime,
});
export type User = z.infer<typeof UserSchema>;

export const ListUsersInputSchema = z.strictObject({});
export const UserListSchema = z.object({ items: z.array(UserSchema) });
export const CreateUserInputSchema = NewUserSchema.extend({ role: RoleSchema });
export type CreateUserInput = z.input<typeof CreateUserInputSchema>;
export const UnlockUserInputSchema = z.strictObject({ userId: z.uuid() });
export const SetUserActiveInputSchema = z.strictObject({ userId: z.uuid(), active: z.boolean() });
export const SetUserRoleInputSchema = z.strictObject({ userId: z.uuid(), role: RoleSchema });
/** The administrator tells the person this PIN; it signs in once, to choose their own. */
export const ResetUserPinInputSchema = z.strictObject({ userId: z.uuid(), temporaryPin: PinSchema });
export const ChangeMyPinInputSchema = z.strictObject({ currentPin: z.string().min(1).max(PIN_MAX_LENGTH), newPin: PinSchema });
export const ChangeMyPinSchema = z.object({ changed: z.literal(true) });

export const GetStationIdentityInputSchema = z.strictObject({});
export const StationIdentitySchema = z.object({
  stationId: z.string(),
  checkpointId: z.string().nullable(),
  /** Base64 SPKI DER of the station's Ed25519 key: what the other end enters as a trusted station. */
  publicKey: z.string(),
  fingerprint: z.string(),
});
export type StationIdentity = z.infer<typeof StationIdentitySchema>;

export const TrustStationInputSchema = z.strictObject({
  stationId: CodeSchema,
  checkpointId: CodeSchema.optional(),
  label: z.string().trim().min(1).max(64),
  publicKey: z.string().trim().min(40).max(200),
});
export const TrustedStationSchema = z.object({
  stationId: z.string(),
  checkpointId: z.string().nullable(),
  label: z.string(),
  fingerprint: z.string(),
});
export type TrustedStation = z.infer<typeof TrustedStationSchema>;
