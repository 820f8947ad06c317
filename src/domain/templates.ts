import type { Incoterm } from './schemas/common';
import type { TemplatePaymentPlan } from './paymentPlan';
import type { DOCUMENT_KINDS, INSPECTION_KINDS, TemplateVersion } from './schemas/template';

/** The template version an order starts from, as the API loaded it (part of the workflow's input). */
export type PinnedTemplate = Pick<TemplateVersion, 'name' | 'version' | 'body'>;

/**
 * What an order keeps of its template for its whole life: which version it started with, and the
 * terms the process list and the gates follow. Its stage limits and reminder policy are not kept
 * here: they are merged into the order's policy when it starts.
 */
export interface OrderTemplate {
  name: string;
  version: number;
  sampleRequired: boolean;
  paymentPlan: TemplatePaymentPlan | null;
  incoterm: Incoterm | null;
  inspectionsRequired: (typeof INSPECTION_KINDS)[number][];
  documentsRequired: (typeof DOCUMENT_KINDS)[number][];
  /** Step key to key points (bounded: GUIDANCE_LIMITS). */
  guidance: Record<string, string>;
}

export function orderTemplate({ name, version, body }: PinnedTemplate): OrderTemplate {
  return {
    name,
    version,
    sampleRequired: body.sampleRequired,
    paymentPlan: body.paymentPlan ?? null,
    incoterm: body.incoterm ?? null,
    inspectionsRequired: [...body.inspectionsRequired],
    documentsRequired: [...body.documentsRequired],
    guidance: { ...body.guidance },
  };
}
