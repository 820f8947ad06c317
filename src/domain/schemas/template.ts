import { DOCUMENT_KINDS } from '../documentKinds';
import { templatePaymentPlanSchema } from '../paymentPlan';
import { INSPECTION_KINDS } from '../state/production';
import { STEP_KEYS } from '../state/steps';
import { describe, z } from '../zod';
import { incotermSchema, templateNameSchema, text } from './common';
import { reminderPolicySchema, stageTimeLimitsSchema } from './new-order';

export { DOCUMENT_KINDS, INSPECTION_KINDS };

/** Guidance is copied into every order that uses the template: its total size is bounded. */
export const GUIDANCE_LIMITS = { charsPerStep: 1000, totalChars: 8000 } as const;

// Keyed by the process list's step keys (a finite list, so the document names each one).
export const guidanceSchema = describe(
  z
    .partialRecord(z.enum(STEP_KEYS), text(GUIDANCE_LIMITS.charsPerStep, 'What to check in this step'))
    .check(
      z.refine(
        (g) => Object.values(g).reduce((n, t) => n + (t?.length ?? 0), 0) <= GUIDANCE_LIMITS.totalChars,
        { message: `at most ${GUIDANCE_LIMITS.totalChars} characters in all` },
      ),
    ),
  `Key points per step (step key to text; ${GUIDANCE_LIMITS.charsPerStep} characters each, ${GUIDANCE_LIMITS.totalChars} in all)`,
);

// uniqueItems: the document says what the refinement checks.
const uniqueList = <T extends readonly [string, ...string[]]>(values: T, description: string) =>
  z
    .array(z.enum(values))
    .check(
      z.maxLength(values.length),
      z.refine((list) => new Set(list).size === list.length, 'must not repeat a value'),
    )
    .register(z.globalRegistry, { description, uniqueItems: true });

/** PUT /templates/{name} body: the defaults an order started from the template gets. */
/** `PUT /templates/{name}/guidance`: every step's key points, replacing the template's. */
export const guidanceBodySchema = z.strictObject({ guidance: guidanceSchema });

export const templateBodySchema = describe(
  z.strictObject({
    description: z.optional(text(500, 'What the template is for')),
    sampleRequired: describe(z.boolean(), 'Whether the order needs an approved sample before the contract'),
    paymentPlan: z.optional(templatePaymentPlanSchema),
    incoterm: z.optional(incotermSchema),
    inspectionsRequired: z._default(
      uniqueList(
        INSPECTION_KINDS,
        'Inspections the QC gate requires: PRE_PRODUCTION, DURING_PRODUCTION, PRE_SHIPMENT',
      ),
      [],
    ),
    documentsRequired: z._default(uniqueList(DOCUMENT_KINDS, 'Documents the order must issue'), []),
    stageTimeLimits: z.optional(stageTimeLimitsSchema),
    reminderPolicy: z.optional(reminderPolicySchema),
    guidance: z._default(guidanceSchema, {}),
  }),
  'A process template',
);

export type TemplateBody = z.output<typeof templateBodySchema>;

/** One stored version of a template. */
export interface TemplateVersion {
  name: string;
  version: number;
  body: TemplateBody;
  createdAt: string;
  createdBy: string;
}

export const templateVersionQuerySchema = describe(
  z.strictObject({
    version: z.optional(
      z.pipe(
        z.string().check(z.regex(/^[1-9]\d{0,8}$/, 'a version number from 1')),
        z.transform((v) => Number(v)),
      ),
    ),
  }),
  'GET /templates/{name} query',
);

export { templateNameSchema };
