/** Credit given to the buyer: a manager's approval beyond the limits, and declarations to the insurer. */
import { wordsOnly } from '../corrections/define';
import { undeclaredExports } from '../finance/exports';
import { accepted, invalid } from '../outcome';
import { calendarDateSchema, line, text } from '../schemas/common';
import { shipmentIdSchema } from '../shipments/scope';
import type { CreditState } from '../types';
import { describe, describeCopy, z } from '../zod';
import { defineEvent } from './define';

export const noCredit: CreditState = { approval: null, insurance: null, declarations: [] };

export const creditApproved = defineEvent({
  type: 'CREDIT_APPROVED',
  description:
    "A manager approves signing this order's credit terms (OA, DA, DP) beyond the customer's credit or insured limit",
  fields: { reason: text(500, 'Why the credit may go beyond the limit') },
  // Given while the contract is next: the manager sees the deal that needs it.
  allowedWhen: (s) => s.status === 'OPEN' && s.stage === 'CONTRACT' && !s.credit?.approval,
  requiredRole: 'manager',
  correction: wordsOnly(['reason']),
  decide(state, e, ctx) {
    const credit = state.credit ?? noCredit;
    return accepted(
      { ...state, credit: { ...credit, approval: { by: ctx.actor, reason: e.reason, at: ctx.now } } },
      `Credit beyond the customer's limit approved by ${ctx.actor}: ${e.reason}`,
    );
  },
});

export const shipmentDeclaredToInsurer = defineEvent({
  type: 'SHIPMENT_DECLARED_TO_INSURER',
  description:
    "A shipment under an insured buyer limit was declared to the credit insurer (出运申报), within the policy's days of its B/L",
  fields: {
    shipmentId: describe(
      z.optional(shipmentIdSchema),
      'The shipment declared; may be left out while one is undeclared',
    ),
    declaredOn: describeCopy(calendarDateSchema, 'The date of the declaration'),
    reference: describe(z.optional(line(64, 'Declaration number')), "The insurer's declaration number"),
  },
  allowedWhen: (s) => Boolean(s.credit?.insurance) && undeclaredExports(s).length > 0,
  afterClose: true,
  nextStep: 'the declaration to the credit insurer',
  correction: wordsOnly(['reference', 'declaredOn']),
  decide(state, e) {
    const open = undeclaredExports(state);
    const shipmentId = e.shipmentId ?? (open.length === 1 ? open[0]?.shipmentId : undefined);
    const exported = open.find((x) => x.shipmentId === shipmentId);
    if (!shipmentId || !exported)
      return invalid('No such shipment to declare', [
        {
          path: 'shipmentId',
          message: `one of the shipments not yet declared: ${open.map((x) => x.shipmentId).join(', ')}`,
        },
      ]);
    if (e.declaredOn < exported.exportDate)
      return invalid('A shipment is declared after it left', [
        { path: 'declaredOn', message: `must not be before the export date ${exported.exportDate}` },
      ]);
    const credit = state.credit ?? noCredit;
    const declaration = { shipmentId, declaredOn: e.declaredOn, reference: e.reference ?? null };
    return accepted(
      { ...state, credit: { ...credit, declarations: [...credit.declarations, declaration] } },
      `Shipment ${shipmentId} declared to ${credit.insurance?.insurer ?? 'the insurer'} on ${e.declaredOn}`,
    );
  },
});
