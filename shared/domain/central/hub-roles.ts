/**
 * The hub's web UI roles (issue 19): a coordinator reads everything and acknowledges alerts; a consular officer
 * searches persons and their journeys; a hub administrator sees stations, corridors and keys. The server checks
 * a permission on every route; the UI shows only the screens a role has.
 */
export const HUB_ROLES = ['coordinator', 'consular', 'hub-admin'] as const;
export type HubRole = (typeof HUB_ROLES)[number];

export const HUB_PERMISSIONS = ['board', 'persons', 'stations', 'alerts', 'alerts.acknowledge', 'statistics', 'corridors'] as const;
export type HubPermission = (typeof HUB_PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<HubRole, readonly HubPermission[]>> = {
  coordinator: ['board', 'persons', 'stations', 'alerts', 'alerts.acknowledge', 'statistics', 'corridors'],
  consular: ['persons'],
  'hub-admin': ['stations', 'corridors'],
};

export const isHubRole = (value: unknown): value is HubRole => typeof value === 'string' && (HUB_ROLES as readonly string[]).includes(value);

export const roleMay = (role: HubRole, permission: HubPermission): boolean => ROLE_PERMISSIONS[role].includes(permission);

/** A hub user's name: letters, digits, dot, dash, underscore (it is shown in the audit trail and typed at sign-in). */
export const HUB_USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
