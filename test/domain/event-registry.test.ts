import { insuredOaLife, runLife } from './financeFixtures';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  ORDER_EVENT_TYPES,
  allowedEvents,
  applyFact,
  recordedElsewhere,
  decideCommand,
  orderEventSchema,
  type OrderState,
} from '../../src/domain';
import { EVENT_DEFINITIONS, eventDefinition, TAKE_BACK } from '../../src/domain/events';
import type { EventDefinition } from '../../src/domain/events/define';
import { FORWARD_STEPS } from '../../src/domain/summary';
import { apply, example, fresh, walkTo } from './fixtures';
import { PLANS, statesOf } from './planFixtures';
import { plannedInTwo, shipmentLife } from './shipmentFixtures';

const EVENTS_DIR = path.join(__dirname, '../../src/domain/events');
const registered = EVENT_DEFINITIONS.map((d) => d.type);
const ctx = { now: '2027-01-01T00:00:00Z', actor: 'ops' };

function isDefinition(value: unknown): value is EventDefinition {
  return typeof value === 'object' && value !== null && 'schema' in value && 'decide' in value;
}

/** Orders in every stage of the happy path, plus the states only some events fit. */
function sampleStates(): OrderState[] {
  const stages = ['INQUIRY', 'QUOTATION', 'SAMPLE', 'CONTRACT', 'DEPOSIT', 'PRODUCTION'] as const;
  const states: OrderState[] = stages.map((stage) => walkTo(stage));
  states.push(apply(walkTo('SAMPLE'), [example('SAMPLE_SENT')]));
  states.push(apply(walkTo('QUOTATION'), [example('ORDER_ON_HOLD')]));
  states.push(apply(walkTo('PRODUCTION'), [example('INSPECTION_RECORDED')]));
  const shipping = walkTo('SHIPPING');
  states.push(shipping, apply(shipping, [example('BOOKING_CONFIRMED')]));
  states.push(apply(shipping, [example('BOOKING_CONFIRMED'), example('CUSTOMS_DECLARED')]));
  const documents = walkTo('DOCUMENTS');
  states.push(walkTo('BALANCE'), documents);
  states.push(apply(documents, [{ type: 'EFFECT_COMPLETED', effect: 'dispatchDocuments' }]));
  const failed = applyFact(
    shipping,
    { type: 'EFFECT_FAILED', effect: 'requestBooking', error: 'smtp down' },
    ctx,
  );
  if (failed.ok) states.push(failed.state);
  for (const plan of PLANS) states.push(...statesOf(plan));
  states.push(walkTo('SHIPPING', 'EXW'), walkTo('SHIPPING', 'CIF'));
  // Shipments in parts: one of two shipments gone, so the rest may be closed short.
  states.push(apply(fresh(), [...plannedInTwo('OA'), ...shipmentLife('OA', 'S1').slice(0, 3)]));
  // Money after the ship sails: a company that claims the rebate, an insured customer.
  states.push(...runLife(insuredOaLife()).map((s) => s.state));
  return states;
}

describe('the client event registry', () => {
  it('names every event once, and the schema and ORDER_EVENT_TYPES list the same events in its order', () => {
    expect(new Set(registered).size).toBe(registered.length);
    expect(ORDER_EVENT_TYPES).toEqual(registered);
    const options = orderEventSchema.def.options.map((o) => o.shape.type.def.values[0]);
    expect(options).toEqual(registered);
  });

  it('gives each definition a schema for its own type, a guard and a decide', () => {
    for (const definition of EVENT_DEFINITIONS) {
      expect(definition.schema.shape.type.def.values).toEqual([definition.type]);
      expect(typeof definition.allowedWhen).toBe('function');
      expect(typeof definition.decide).toBe('function');
      expect(eventDefinition(definition.type)).toBe(definition);
    }
  });

  it('registers every definition in src/domain/events', async () => {
    const files = readdirSync(EVENTS_DIR).filter((f) => f.endsWith('.ts'));
    const modules = await Promise.all(
      files.map((f) => import(path.join(EVENTS_DIR, f)) as Promise<Record<string, unknown>>),
    );
    // The take-back events are made by a factory the registry calls with its lookup.
    const defined = [...modules.flatMap((m) => Object.values(m)).filter(isDefinition), ...TAKE_BACK];
    expect(new Set(defined)).toEqual(new Set(EVENT_DEFINITIONS));
  });

  it('has a guard that lets each event in somewhere, and allowedEvents names registered events only', () => {
    const seen = new Set(sampleStates().flatMap(allowedEvents));
    // Events another endpoint records (an attachment) are never offered as events to send.
    expect([...seen].sort()).toEqual(registered.filter((t) => !recordedElsewhere(t)).sort());
  });

  it('phrases every step the summary may name', () => {
    for (const type of FORWARD_STEPS) expect(eventDefinition(type).nextStep).toEqual(expect.any(String));
  });
});

describe('the two entry points', () => {
  it('refuses a system event sent as a client command, as it refuses any unknown type', () => {
    const state = walkTo('SHIPPING');
    const fact = { type: 'EFFECT_FAILED', effect: 'requestBooking', error: 'forged' };
    expect(decideCommand(state, fact, ctx)).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      details: [{ path: 'type' }],
    });
    expect(decideCommand(state, { type: 'NO_SUCH_EVENT' }, ctx)).toEqual(decideCommand(state, fact, ctx));
  });

  it('takes the workflow facts through applyFact, which counts no client event', () => {
    const state = walkTo('SHIPPING');
    const d = applyFact(state, { type: 'EFFECT_COMPLETED', effect: 'requestBooking' }, ctx);
    expect(d).toMatchObject({ ok: true, record: { type: 'EFFECT_COMPLETED', actor: 'ops' } });
    if (d.ok) expect(d.state.clientEventCount).toBe(state.clientEventCount);
  });
});
