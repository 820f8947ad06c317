/**
 * How an order takes its template: the template's settings between the configured defaults and
 * the order's own, the terms kept on the order's state, and what of them the view shows.
 */
import {
  DEFAULT_STALL_POLICY,
  DEFAULT_WORKING_CALENDAR,
  createOrder,
  orderView,
  resolveStallPolicy,
  templateLimitViolations,
  type PinnedTemplate,
} from '../../src/domain';
import { templateBodySchema } from '../../src/domain/schemas/template';
import { newOrder, T0 } from './fixtures';

const template: PinnedTemplate = {
  name: 'new-buyer-risky-market',
  version: 3,
  body: templateBodySchema.parse({
    sampleRequired: true,
    paymentPlan: { depositPercent: 100, balanceMethod: 'TT' },
    incoterm: 'FOB',
    inspectionsRequired: ['PRE_SHIPMENT'],
    documentsRequired: ['commercial-invoice'],
    stageTimeLimits: { INQUIRY: '1wd', SAMPLE: '5wd' },
    reminderPolicy: { repeatEvery: '12h', escalateAfter: 1, escalateTo: 'boss@exporter.example' },
    guidance: { SAMPLE_SENT: 'Ask for written approval.' },
  }),
};
const ctx = { now: T0, actor: 'alice' };

describe('an order from a template', () => {
  it('takes the template over the defaults, and its own settings over the template', () => {
    const policy = resolveStallPolicy(
      DEFAULT_STALL_POLICY,
      { stageTimeLimits: { SAMPLE: '10d' }, reminderPolicy: { escalateTo: null, repeatEvery: undefined } },
      template.body,
    );
    expect(policy.stageTimeLimits).toEqual({
      ...DEFAULT_STALL_POLICY.stageTimeLimits,
      INQUIRY: '1wd',
      SAMPLE: '10d',
    });
    // An explicit null switches escalation off; an undefined field leaves the template's value.
    expect(policy).toMatchObject({ repeatEvery: '12h', escalateAfter: 1, escalateTo: null });
  });

  it('keeps the configured calendar in its policy', () => {
    const calendar = { ...DEFAULT_WORKING_CALENDAR, name: 'China 2027' };
    expect(resolveStallPolicy({ ...DEFAULT_STALL_POLICY, calendar }, {}, template.body).calendar).toBe(
      calendar,
    );
  });

  it('keeps the version it started with and its terms; the view leaves the guidance to the process list', () => {
    const policy = resolveStallPolicy(DEFAULT_STALL_POLICY, {}, template.body);
    const state = createOrder(newOrder(), policy, ctx, template);
    expect(state.template).toEqual({
      name: 'new-buyer-risky-market',
      version: 3,
      sampleRequired: true,
      paymentPlan: { depositPercent: 100, balanceMethod: 'TT' },
      incoterm: 'FOB',
      inspectionsRequired: ['PRE_SHIPMENT'],
      documentsRequired: ['commercial-invoice'],
      guidance: { SAMPLE_SENT: 'Ask for written approval.' },
    });
    // 2026-11-26 08:00 UTC is Thursday 16:00 in Shanghai: one working day later is Friday 16:00.
    expect(state.stageDeadline).toBe('2026-11-27T08:00:00.000Z');
    const { guidance: _guidance, ...terms } = state.template!;
    expect(orderView(state).template).toEqual(terms);
  });

  it('has no template otherwise, and the view names the calendar without its dates', () => {
    const calendar = { ...DEFAULT_WORKING_CALENDAR, holidays: ['2026-12-25'] };
    const state = createOrder(newOrder(), { ...DEFAULT_STALL_POLICY, calendar }, ctx);
    expect(state.template).toBeNull();
    const view = orderView(state);
    expect(view.template).toBeNull();
    expect(view.policy.calendar).toEqual({ name: calendar.name, timeZone: 'Asia/Shanghai' });
  });

  it("a template's timing meets the deployment's limits, as an order's must", () => {
    const production = { minDuration: '1h', internalEmailDomains: ['exporter.example'] };
    expect(templateLimitViolations(template.body, production)).toEqual([]);
    const short = templateBodySchema.parse({
      sampleRequired: false,
      stageTimeLimits: { INQUIRY: '30m', QUOTATION: '1wh' },
      reminderPolicy: { escalateTo: 'boss@gmail.example' },
    });
    expect(templateLimitViolations(short, production).map((d) => d.path)).toEqual([
      'stageTimeLimits.INQUIRY',
      'reminderPolicy.escalateTo',
    ]);
  });
});
