import { z } from 'zod';

/**
 * A company's exporter profile: what its documents and letters print about the seller. One schema
 * (stored per company in PostgreSQL, `GET/PUT /company`); `default`'s is seeded from EXPORTER_*.
 * Trade-data fields (legal names, credit code, customs code, chop, document gate) join this object.
 */
export const companyProfileSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** The registered name in Chinese, e.g. 宁波海天照明有限公司. */
  localName: z.string().trim().min(1).max(200).optional(),
  address: z.string().trim().min(1).max(1000),
  email: z.email().max(254).optional(),
  bank: z
    .strictObject({
      beneficiary: z.string().trim().min(1).max(200),
      bankName: z.string().trim().min(1).max(200),
      bankAddress: z.string().trim().min(1).max(500).optional(),
      accountNo: z.string().trim().min(1).max(64),
      swift: z.string().regex(/^[A-Z0-9]{8}([A-Z0-9]{3})?$/, 'a SWIFT/BIC code of 8 or 11 characters'),
    })
    .optional(),
  /** IANA zone every date is printed in, e.g. Asia/Shanghai. */
  timeZone: z.string().min(1).max(64),
});

export type CompanyProfile = z.infer<typeof companyProfileSchema>;
