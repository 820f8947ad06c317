import { NEVER } from '../corrections/common';
import { wordsOnly } from '../corrections/define';
import { appendBounded, STATE_WINDOWS } from '../bounds';
import { isCollectedByBuyer, sellerBooks } from '../incoterms';
import { balanceSettled } from '../ledger';
import { accepted, advance } from '../outcome';
import { isBeforeShipmentTT } from '../paymentPlan';
import { line, optionalNote } from '../schemas/common';
import type { OrderState } from '../types';
import { describe, z } from '../zod';
import { shippingSteps } from '../shipments/shippingStep';
import { INSPECTION_KINDS, INSPECTION_RESULTS } from '../state/production';
import { both, inStage, qcGatePassed } from './conditions';
import { defineEvent } from './define';

export const productionProgress = defineEvent({
  type: 'PRODUCTION_PROGRESS',
  description: 'Production progress',
  fields: {
    percent: describe(z.number().check(z.minimum(0), z.maximum(100)), 'Percent produced'),
    note: optionalNote,
  },
  allowedWhen: inStage('PRODUCTION'),
  correction: wordsOnly(['note'], 'the percent is overtaken by the next PRODUCTION_PROGRESS'),
  decide(state, e) {
    const notes = e.note
      ? appendBounded(state.production.notes, e.note, STATE_WINDOWS.productionNotes)
      : state.production.notes;
    return accepted(
      { ...state, production: { ...state.production, percent: e.percent, notes } },
      `Production at ${e.percent}%`,
    );
  },
});

export const inspectionRecorded = defineEvent({
  type: 'INSPECTION_RECORDED',
  description: 'A QC inspection was recorded',
  fields: {
    result: describe(z.enum(INSPECTION_RESULTS), 'QC result'),
    inspector: line(200, 'Inspector or inspection company'),
    reportRef: z.optional(line(200, 'Inspection report reference')),
    kind: describe(
      z._default(z.enum(INSPECTION_KINDS), 'DURING_PRODUCTION'),
      'PRE_PRODUCTION, DURING_PRODUCTION (default, as every v1 inspection) or PRE_SHIPMENT (counts only once production has started)',
    ),
  },
  allowedWhen: inStage('PRODUCTION'),
  nextStep: 'a passed QC inspection',
  correction: {
    fields: ['inspector', 'reportRef'],
    otherwise: 'the result and kind decide the QC gate: record another inspection with INSPECTION_RECORDED',
    instance: (after) => after.production.inspections.length,
    current(state, target) {
      const inspection = state.production.inspections[(target.instance ?? 0) - 1];
      return inspection ? { inspector: inspection.inspector, reportRef: inspection.reportRef } : {};
    },
    apply(state, changes, target) {
      const index = (target.instance ?? 0) - 1;
      if (!state.production.inspections[index])
        return 'the inspection is no longer among those the order keeps';
      const inspections = state.production.inspections.map((inspection, i) =>
        i === index ? { ...inspection, ...changes } : inspection,
      );
      return { ...state, production: { ...state.production, inspections } };
    },
  },
  decide(state, e, ctx) {
    const inspection = {
      result: e.result,
      inspector: e.inspector,
      reportRef: e.reportRef ?? null,
      recordedAt: ctx.now,
      kind: e.kind,
      percentAtRecord: state.production.percent,
    };
    return accepted(
      {
        ...state,
        production: {
          ...state.production,
          inspections: appendBounded(state.production.inspections, inspection, STATE_WINDOWS.inspections),
        },
      },
      `QC inspection (${e.kind.toLowerCase().replace('_', '-')}) ${e.result} by ${e.inspector}`,
    );
  },
});

/** Who the cargo-ready notice goes to: the buyer's nominated forwarder, else the buyer. */
function cargoReadyWhat(state: OrderState): string {
  const to = state.contract?.trade?.buyerForwarder ? "the buyer's forwarder" : 'the customer';
  return isCollectedByBuyer(state)
    ? `cargo ready for collection, notice to ${to}`
    : `cargo-ready notice to ${to}`;
}

export const productionCompleted = defineEvent({
  type: 'PRODUCTION_COMPLETED',
  description:
    "Production finished (the QC gate: each inspection kind the template requires PASSED, else the latest inspection PASSED): -> SHIPPING; C/D-terms: a booking request to our forwarder; F-terms and EXW: a cargo-ready notice to the buyer's forwarder (or the buyer)",
  fields: {},
  // The QC gate: nothing ships unless the inspections it asks for passed.
  allowedWhen: both(inStage('PRODUCTION'), qcGatePassed),
  nextStep: 'production completion',
  correction: { never: NEVER.decision },
  decide(state, _e, ctx) {
    const next = { ...state, production: { ...state.production, percent: 100, completedAt: ctx.now } };
    // Balance before shipment falls due now: the customer is asked for it with the booking.
    const balanceDue = isBeforeShipmentTT(state.payments.plan) && !balanceSettled(state.payments);
    const what = sellerBooks(state) ? 'booking requested from the forwarder' : cargoReadyWhat(state);
    return advance(
      next,
      'SHIPPING',
      ctx,
      `Production completed; ${what}${balanceDue ? '; balance requested before shipment' : ''}`,
      [...shippingSteps(state), ...(balanceDue ? [{ type: 'requestBalance' as const }] : [])],
    );
  },
});
