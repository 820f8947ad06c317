import { appendBounded, STATE_WINDOWS } from '../bounds';
import { balanceSettled } from '../ledger';
import { accepted, advance } from '../outcome';
import { isBeforeShipmentTT } from '../paymentPlan';
import { line, optionalNote } from '../schemas/common';
import { describe, z } from '../zod';
import { both, inStage, latestInspectionPassed } from './conditions';
import { defineEvent } from './define';

export const productionProgress = defineEvent({
  type: 'PRODUCTION_PROGRESS',
  description: 'Production progress',
  fields: {
    percent: describe(z.number().check(z.minimum(0), z.maximum(100)), 'Percent produced'),
    note: optionalNote,
  },
  allowedWhen: inStage('PRODUCTION'),
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
    result: describe(z.enum(['PASSED', 'FAILED']), 'QC result'),
    inspector: line(200, 'Inspector or inspection company'),
    reportRef: z.optional(line(200, 'Inspection report reference')),
  },
  allowedWhen: inStage('PRODUCTION'),
  nextStep: 'a passed QC inspection',
  decide(state, e, ctx) {
    const inspection = {
      result: e.result,
      inspector: e.inspector,
      reportRef: e.reportRef ?? null,
      recordedAt: ctx.now,
    };
    return accepted(
      {
        ...state,
        production: {
          ...state.production,
          inspections: appendBounded(state.production.inspections, inspection, STATE_WINDOWS.inspections),
        },
      },
      `QC inspection ${e.result} by ${e.inspector}`,
    );
  },
});

export const productionCompleted = defineEvent({
  type: 'PRODUCTION_COMPLETED',
  description:
    'Production finished (latest inspection must have PASSED): -> SHIPPING; a booking request goes to the forwarder',
  fields: {},
  // The QC gate: nothing ships unless the latest inspection passed.
  allowedWhen: both(inStage('PRODUCTION'), latestInspectionPassed),
  nextStep: 'production completion',
  decide(state, _e, ctx) {
    const next = { ...state, production: { ...state.production, percent: 100, completedAt: ctx.now } };
    // Balance before shipment falls due now: the customer is asked for it with the booking.
    const balanceDue = isBeforeShipmentTT(state.payments.plan) && !balanceSettled(state.payments);
    return advance(
      next,
      'SHIPPING',
      ctx,
      `Production completed; booking requested from the forwarder${balanceDue ? '; balance requested before shipment' : ''}`,
      [{ type: 'requestBooking' }, ...(balanceDue ? [{ type: 'requestBalance' as const }] : [])],
    );
  },
});
