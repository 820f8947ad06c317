/** The shipment's documents and how they (and the goods) reach the buyer. */
import { SHIPMENT_DOCUMENTS } from '../documentKinds';
import { describe, describeCopy, z } from '../zod';
import { instant, nullableInstant } from './common';
import { documentRevisionSchema } from './corrections';

/** How the originals reach the buyer: by us (DIRECT) or through the banks (BANK). */
export const RELEASE_ROUTES = ['DIRECT', 'BANK'] as const;
export type ReleaseRoute = (typeof RELEASE_ROUTES)[number];

export const documentItemSchema = z.object({ kind: z.enum(SHIPMENT_DOCUMENTS), reference: z.string() });
export type DocumentItem = z.output<typeof documentItemSchema>;

/** The B/L release on our route (telex release or couriered originals); see blRelease.ts. */
export const blReleaseSchema = describe(
  z.object({
    telexRequestedAt: describeCopy(nullableInstant, 'When the telex-release request left for the forwarder'),
    /** From then on the buyer may take the goods. */
    telexConfirmedAt: describeCopy(nullableInstant, 'When the forwarder confirmed the telex release'),
    originals: describe(
      z.nullable(z.object({ courier: z.string(), trackingNo: z.string(), sentAt: instant })),
      'The original B/Ls couriered to the buyer',
    ),
  }),
  'The B/L release on our route: a telex release (TELEX_RELEASE B/L) or couriered originals (ORIGINAL B/L)',
);
export type BlRelease = z.output<typeof blReleaseSchema>;

export const documentsSchema = z.object({
  copiesSentAt: nullableInstant,
  confirmedAt: nullableInstant,
  /** Emailed by us, or handed over by the banks. */
  dispatchedAt: describeCopy(nullableInstant, 'When the originals were released to the buyer'),
  /** null before release. */
  releasedVia: describe(z.nullable(z.enum(RELEASE_ROUTES)), 'By our email, or through the banks'),
  goodsReleasedAt: nullableInstant,
  release: blReleaseSchema,
  items: z.array(documentItemSchema),
  /** 0 (absent): as first issued; each correction of values the documents print adds one. */
  revision: describe(z.optional(z.number()), 'The revision the documents are at (0: as first issued)'),
  /** The latest revisions, with what each changed (STATE_WINDOWS.documentRevisions). */
  revisions: z.optional(z.array(documentRevisionSchema)),
});
export type DocumentsState = z.output<typeof documentsSchema>;
