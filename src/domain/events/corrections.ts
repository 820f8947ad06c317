/**
 * The events that take an earlier one back (contract v3, "Corrections"): a correction of its values,
 * a payment's reversal, the undo of a stage move. Each names the earlier event by its eventId; the
 * rules are in ../corrections. They look other events up by type, so the registry hands them its
 * lookup rather than this file importing the registry.
 */
import { NEVER } from '../corrections/common';
import { correctEvent, type DefinitionOf } from '../corrections/correct';
import { correctionRecords } from '../corrections/records';
import { reversePayment } from '../corrections/reverse';
import { undoEvent } from '../corrections/undo';
import { line, text } from '../schemas/common';
import type { OrderState } from '../types';
import { describe, z } from '../zod';
import { defineEvent } from './define';

const earlier = (what: string) => line(128, `eventId of the ${what} (the timeline shows each event's id)`);
const reason = text(2000, 'Why: shown with the correction where the original is');

// A take-back event fits wherever there is something of its kind to name (an event, a payment, a
// stage move): whether that one can be taken back is its decide's answer, with why (409
// CORRECTION_NOT_ALLOWED), as the contract asks.
const hasEvents = (s: OrderState) => correctionRecords(s).events.length > 0;
const hasPayments = (s: OrderState) => s.payments.receipts.some((r) => r.eventId !== undefined);
const hasStageMove = (s: OrderState) => correctionRecords(s).undoPoint !== null;

const CLOSED =
  'a closed order takes corrections of values, not reversals or undos; record what changed in a note';

/** The three definitions, given the registry's lookup of the events they take back. */
export function takeBackEvents(definitionOf: DefinitionOf) {
  const eventCorrected = defineEvent({
    type: 'EVENT_CORRECTED',
    description:
      "Corrects fields of an earlier event (each event's definition says which); documents already issued from them are re-issued as a revision and sent again. A manager corrects what a customer, forwarder or bank has seen",
    fields: {
      correctsEventId: earlier('event corrected'),
      changes: describe(
        z.record(z.string().check(z.maxLength(64)), z.unknown()),
        "The corrected fields, by the corrected event's field names and schemas",
      ),
      reason,
    },
    allowedWhen: hasEvents,
    afterClose: true,
    correction: { never: NEVER.takeBack },
    decide: (state, e, ctx) => correctEvent(state, e, ctx, definitionOf),
  });

  const paymentReversed = defineEvent({
    type: 'PAYMENT_REVERSED',
    description:
      'A manager takes back money recorded as received: it is owed again, the stage stays, and the order shows a warning until the money is in again',
    fields: { paymentEventId: earlier('payment'), reason },
    allowedWhen: hasPayments,
    requiredRole: 'manager',
    whenClosed: CLOSED,
    correction: { never: NEVER.takeBack },
    decide: (state, e, ctx) => reversePayment(state, e, ctx),
  });

  const eventUndone = defineEvent({
    type: 'EVENT_UNDONE',
    description:
      'A manager undoes the latest stage-moving event while nothing irreversible (an email, a document, money) followed it: the stage moves back',
    fields: { undoesEventId: earlier('stage move'), reason },
    allowedWhen: hasStageMove,
    requiredRole: 'manager',
    whenClosed: CLOSED,
    correction: { never: NEVER.takeBack },
    decide: (state, e, ctx) => undoEvent(state, e, ctx),
  });

  return [eventCorrected, paymentReversed, eventUndone] as const;
}
