import { describe, z } from './zod';

/** A company (tenant) of the platform; its id is in URLs, workflow ids and every row it owns. */
export const companyIdSchema = describe(
  z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, 'a company id is 2-40 characters of a-z, 0-9 and -')),
  'A company (tenant) id',
);

export type CompanyId = z.infer<typeof companyIdSchema>;

/** The company of v1 and v2 clients and of everything recorded before companies existed. */
export const DEFAULT_COMPANY = 'default';

/** The order's Temporal workflow id: order ids are unique per company, not across companies. */
export const orderWorkflowId = (company: string, orderId: string): string => `${company}:${orderId}`;

/** Company roles in rising order of what they may do. */
export const COMPANY_ROLES = ['viewer', 'ops', 'manager', 'admin'] as const;
export type CompanyRole = (typeof COMPANY_ROLES)[number];

/** The platform's own people: they look after companies rather than work in one. */
export const PLATFORM_ROLES = ['customer-manager', 'platform-admin'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];
