import { appendBounded, STATE_WINDOWS } from '../bounds';
import type { EventOf } from '../schemas/events';
import type { EventContext, OrderState } from '../types';
import { accepted, advance, type Outcome } from './outcome';

export function productionProgress(
  state: OrderState,
  e: EventOf<'PRODUCTION_PROGRESS'>,
  _ctx: EventContext,
): Outcome {
  const notes = e.note
    ? appendBounded(state.production.notes, e.note, STATE_WINDOWS.productionNotes)
    : state.production.notes;
  return accepted(
    { ...state, production: { ...state.production, percent: e.percent, notes } },
    `Production at ${e.percent}%`,
  );
}

export function inspectionRecorded(
  state: OrderState,
  e: EventOf<'INSPECTION_RECORDED'>,
  ctx: EventContext,
): Outcome {
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
}

export function productionCompleted(
  state: OrderState,
  _e: EventOf<'PRODUCTION_COMPLETED'>,
  ctx: EventContext,
): Outcome {
  const next = { ...state, production: { ...state.production, percent: 100, completedAt: ctx.now } };
  return advance(next, 'SHIPPING', ctx, 'Production completed; booking requested from the forwarder', [
    { type: 'requestBooking' },
  ]);
}
