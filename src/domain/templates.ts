import type { TemplateVersion } from './schemas/template';
import type { OrderTemplate } from './state/template';

/** The template version an order starts from, as the API loaded it (part of the workflow's input). */
export type PinnedTemplate = Pick<TemplateVersion, 'name' | 'version' | 'body'>;

export type { OrderTemplate } from './state/template';

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
