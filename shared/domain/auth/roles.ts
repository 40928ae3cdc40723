/** The four kinds of people who sign in at a station (ARCHITECTURE.md, security rules). */
export const ROLES = ['operator', 'consular', 'shift-lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = {
  operator: 'Operator',
  consular: 'Consular officer',
  'shift-lead': 'Shift lead',
  admin: 'Administrator',
};
