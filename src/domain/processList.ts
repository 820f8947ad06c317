/**
 * Each order's own checklist: the steps its terms and template call for, in stage order, with what
 * is done, what can be done now, and the key points of each step (the template's guidance, by step
 * key). Every status comes from the same guards as `allowedEvents`, so the list never offers a step
 * the reducer would refuse.
 *
 * Step keys (the keys a template's `guidance` uses): QUOTATION_SENT, QUOTATION_ACCEPTED,
 * SAMPLE_SENT, SAMPLE_APPROVED, CONTRACT_SIGNED, DEPOSIT_RECEIVED, LC_RECEIVED,
 * INSPECTION_PRE_PRODUCTION, INSPECTION_DURING_PRODUCTION, INSPECTION_PRE_SHIPMENT,
 * PRODUCTION_COMPLETED, BOOKING_CONFIRMED, CUSTOMS_DECLARED, INSURANCE_ARRANGED (CIF/CIP),
 * GOODS_COLLECTED (EXW), BILL_OF_LADING_ISSUED,
 * DOCUMENTS_PRESENTED, SENT_FOR_COLLECTION, PAYMENT_RECEIVED (the balance),
 * TELEX_RELEASE_CONFIRMED or ORIGINALS_COURIERED (by the B/L type, when we release), GOODS_RELEASED.
 */
import { releaseStep } from './blRelease';
import { endOfDate } from './calendarDate';
import { moneySteps } from './finance/steps';
import { allowedEvents, allowedOn, type OrderEventType } from './events';
import { focus } from './shipments/lens';
import { isShipmentScoped } from './shipments/scope';
import { datedPaymentAwaited } from './dueDates';
import { depositOutstanding, inspectionPassed } from './events/conditions';
import { isCollectedByBuyer, sellerInsures } from './incoterms';
import { owesMoney } from './ledger';
import { methodHasStep, paymentMethodOf, type MethodStepKey } from './payment-methods';
import { paymentSchedule } from './schedule';
import { isTerminalStage, stageRank, type OpenStage } from './stages';
import {
  STEP_KEYS,
  STEP_STATUSES,
  type ProcessStep,
  type StepKey,
  type StepRecords,
  type StepStatus,
} from './state/steps';
import type { EventContext, InspectionKind, OrderState } from './types';

export { STEP_KEYS, STEP_STATUSES, type ProcessStep, type StepKey, type StepRecords, type StepStatus };

interface StepDefinition {
  key: StepKey;
  stage: (s: OrderState) => OpenStage;
  title: string;
  /** The client events that do (or advance) the step. */
  events: OrderEventType[];
  applies: (s: OrderState) => boolean;
  done: (s: OrderState) => boolean;
}

/** The plan that decides the steps: the contract's, else the template's default. */
const planned = (s: OrderState) => s.payments.plan ?? s.template?.paymentPlan;
/** A step only some payment methods have: whether the order's has it. */
const methodStep = (key: MethodStepKey) => (s: OrderState) => methodHasStep(planned(s), key);
/** Booking, customs and the B/L are ours unless the buyer collects at our premises (EXW). */
const shippedByUs = (s: OrderState) => !isCollectedByBuyer(s);
const always = () => true;
/** Before the quotation is accepted, the template says whether a sample will be needed. */
const sampleNeeded = (s: OrderState) => (s.sample.required ?? s.template?.sampleRequired ?? true) === true;
const depositExpected = (s: OrderState) => {
  const required = s.payments.depositRequired;
  if (required) return required.amount !== '0.00';
  const percent = s.template?.paymentPlan?.depositPercent ?? s.quotation?.paymentTerms.depositPercent ?? 1;
  return percent > 0;
};
const paidInFull = (s: OrderState) => s.contract !== null && !owesMoney(s);

function inspectionStep(kind: InspectionKind): StepDefinition {
  return {
    key: `INSPECTION_${kind}`,
    stage: () => 'PRODUCTION',
    title: `${kind.charAt(0)}${kind.slice(1).toLowerCase().replace('_', '-')} inspection passed`,
    events: ['INSPECTION_RECORDED'],
    // Without required kinds the v1 gate applies: one step, the latest inspection passed.
    applies: (s) => {
      const required = s.template?.inspectionsRequired ?? [];
      return required.length === 0 ? kind === 'DURING_PRODUCTION' : required.includes(kind);
    },
    // Only an inspection of this kind does the step, even where the v1 gate takes any kind.
    done: (s) => inspectionPassed(s, kind),
  };
}

const fixed = (stage: OpenStage) => () => stage;

const STEPS: StepDefinition[] = [
  {
    key: 'QUOTATION_SENT',
    stage: fixed('INQUIRY'),
    title: 'Send the quotation',
    events: ['QUOTATION_SENT'],
    applies: always,
    done: (s) => s.quotation !== null,
  },
  {
    key: 'QUOTATION_ACCEPTED',
    stage: fixed('QUOTATION'),
    title: "The customer's acceptance of the quotation",
    events: ['QUOTATION_ACCEPTED'],
    applies: always,
    done: (s) => s.sample.required !== null,
  },
  {
    key: 'SAMPLE_SENT',
    stage: fixed('SAMPLE'),
    title: 'Send a sample',
    events: ['SAMPLE_SENT'],
    applies: sampleNeeded,
    done: (s) => ['PENDING', 'APPROVED'].includes(s.sample.history.at(-1)?.outcome ?? ''),
  },
  {
    key: 'SAMPLE_APPROVED',
    stage: fixed('SAMPLE'),
    title: "The customer's approval of the sample",
    events: ['SAMPLE_APPROVED'],
    applies: sampleNeeded,
    done: (s) => s.sample.approved,
  },
  {
    key: 'CONTRACT_SIGNED',
    stage: fixed('CONTRACT'),
    title: 'Sign the contract',
    events: ['CONTRACT_SIGNED'],
    applies: always,
    done: (s) => s.contract !== null,
  },
  {
    key: 'DEPOSIT_RECEIVED',
    stage: fixed('DEPOSIT'),
    title: 'Receive the deposit',
    events: ['DEPOSIT_RECEIVED', 'PAYMENT_RECEIVED'],
    applies: depositExpected,
    done: (s) => s.contract !== null && !depositOutstanding(s),
  },
  {
    key: 'LC_RECEIVED',
    stage: fixed('DEPOSIT'),
    title: 'Receive and check the L/C',
    events: ['LC_RECEIVED'],
    applies: methodStep('LC_RECEIVED'),
    done: (s) => s.payments.letterOfCredit !== null,
  },
  inspectionStep('PRE_PRODUCTION'),
  inspectionStep('DURING_PRODUCTION'),
  inspectionStep('PRE_SHIPMENT'),
  {
    key: 'PRODUCTION_COMPLETED',
    stage: fixed('PRODUCTION'),
    title: 'Complete production',
    events: ['PRODUCTION_COMPLETED'],
    applies: always,
    done: (s) => s.production.completedAt !== null,
  },
  {
    key: 'BOOKING_CONFIRMED',
    stage: fixed('SHIPPING'),
    title: 'Confirm the booking',
    events: ['BOOKING_CONFIRMED'],
    applies: shippedByUs,
    done: (s) => s.shipping.booking.confirmed !== null,
  },
  {
    key: 'CUSTOMS_DECLARED',
    stage: fixed('SHIPPING'),
    title: 'Declare the export to customs',
    events: ['CUSTOMS_DECLARED'],
    applies: shippedByUs,
    done: (s) => s.shipping.customs !== null,
  },
  {
    key: 'INSURANCE_ARRANGED',
    stage: fixed('SHIPPING'),
    title: 'Insure the cargo (at least 110 %; ICC A for CIP)',
    events: ['INSURANCE_ARRANGED'],
    applies: sellerInsures,
    done: (s) => (s.shipping.insurance ?? null) !== null,
  },
  {
    key: 'GOODS_COLLECTED',
    stage: fixed('SHIPPING'),
    title: "Hand the goods to the buyer's carrier",
    events: ['GOODS_COLLECTED'],
    applies: isCollectedByBuyer,
    done: (s) => (s.shipping.collected ?? null) !== null,
  },
  {
    key: 'BILL_OF_LADING_ISSUED',
    stage: fixed('SHIPPING'),
    title: 'Get the bill of lading',
    events: ['BILL_OF_LADING_ISSUED'],
    applies: shippedByUs,
    done: (s) => s.shipping.billOfLading !== null,
  },
  {
    key: 'DOCUMENTS_PRESENTED',
    stage: fixed('BALANCE'),
    title: 'Present the documents under the L/C',
    events: ['DOCUMENTS_PRESENTED'],
    applies: methodStep('DOCUMENTS_PRESENTED'),
    done: (s) => s.payments.letterOfCredit?.presentedAt != null,
  },
  {
    key: 'SENT_FOR_COLLECTION',
    stage: fixed('BALANCE'),
    title: 'Send the documents for collection',
    events: ['SENT_FOR_COLLECTION'],
    applies: methodStep('SENT_FOR_COLLECTION'),
    done: (s) => s.payments.collection !== null,
  },
  {
    key: 'PAYMENT_RECEIVED',
    // Open account and D/A are paid after the documents went out.
    stage: (s) => (paymentMethodOf(planned(s))?.releasesBeforePayment ? 'DOCUMENTS' : 'BALANCE'),
    title: 'Receive the balance',
    events: ['BALANCE_RECEIVED', 'PAYMENT_RECEIVED', 'LC_HONOURED', 'COLLECTION_PAID'],
    applies: always,
    done: paidInFull,
  },
  {
    key: 'TELEX_RELEASE_CONFIRMED',
    stage: fixed('DOCUMENTS'),
    title: "Get the forwarder's telex-release confirmation",
    events: ['TELEX_RELEASE_CONFIRMED'],
    applies: (s) => releaseStep(s) === 'TELEX_RELEASE',
    done: (s) => s.documents.release.telexConfirmedAt !== null,
  },
  {
    key: 'ORIGINALS_COURIERED',
    stage: fixed('DOCUMENTS'),
    title: 'Courier the original B/Ls to the buyer',
    events: ['ORIGINALS_COURIERED'],
    applies: (s) => releaseStep(s) === 'ORIGINALS',
    done: (s) => s.documents.release.originals !== null,
  },
  {
    key: 'GOODS_RELEASED',
    stage: fixed('DOCUMENTS'),
    title: 'Confirm the goods were released to the buyer',
    events: ['GOODS_RELEASED'],
    applies: always,
    done: (s) => s.documents.goodsReleasedAt !== null,
  },
];

/**
 * The order's process list, as the view shows it. With several shipments, each shipment's steps
 * (its booking to its release and money) are listed for it, judged on its own view of the order.
 */
export function processList(state: OrderState): ProcessStep[] {
  const list = state.shipments?.list ?? [];
  const several = list.length > 1;
  const perShipment = (d: StepDefinition) => several && d.events.every(isShipmentScoped);
  const orderSteps = stepsOf(
    state,
    STEPS.filter((d) => !perShipment(d)),
    allowedEvents(state),
  );
  if (!several) return [...orderSteps, ...moneySteps(state)];
  const shipmentSteps = list.flatMap((shipment, i) => {
    const view = focus(state, shipment);
    const allowed = STEPS.flatMap((d) => d.events).filter((e) => isShipmentScoped(e) && allowedOn(view, e));
    // The order records who did a step once (its latest shipment): a shipment's step shows none.
    return stepsOf(view, STEPS.filter(perShipment), allowed).map(
      ({ doneAt: _at, actor: _by, ...step }): ProcessStep => ({
        ...step,
        title: `Shipment ${i + 1}: ${step.title}`,
        shipmentId: shipment.shipmentId,
        shipmentNo: i + 1,
      }),
    );
  });
  return [...orderSteps, ...shipmentSteps, ...moneySteps(state)];
}

function stepsOf(
  state: OrderState,
  definitions: StepDefinition[],
  allowedNow: readonly OrderEventType[],
): ProcessStep[] {
  const allowed = new Set(allowedNow);
  const current = stageRank(state.stage);
  const closed = isTerminalStage(state.stage);
  const balanceDue = paymentSchedule(state).find((p) => p.part === 'BALANCE')?.dueDate ?? null;
  const awaited = datedPaymentAwaited(state);
  return definitions
    .filter((d) => d.applies(state) || d.done(state))
    .map((d) => {
      const stage = d.stage(state);
      const record = state.steps?.[d.key];
      const doable = d.events.some((e) => allowed.has(e));
      const status: StepStatus = d.done(state)
        ? 'DONE'
        : closed
          ? 'SKIPPED'
          : stageRank(stage) === current
            ? doable
              ? 'PENDING'
              : 'BLOCKED'
            : stageRank(stage) > current || doable
              ? 'PENDING'
              : 'SKIPPED';
      const dueAt =
        status === 'DONE' || status === 'SKIPPED'
          ? undefined
          : d.key === 'PAYMENT_RECEIVED' && balanceDue
            ? endOfDate(balanceDue)
            : stageRank(stage) === current
              ? (state.stageDeadline ?? undefined)
              : undefined;
      const guidance = state.template?.guidance[d.key];
      return {
        key: d.key,
        stage,
        // After the documents went (open account, D/A) the step is the payment on its date.
        title:
          d.key === 'PAYMENT_RECEIVED' && awaited ? `Receive the payment due by ${awaited.dueDate}` : d.title,
        status,
        ...(dueAt ? { dueAt } : {}),
        ...(status === 'DONE' && record ? { doneAt: record.at, actor: record.actor } : {}),
        ...(guidance ? { guidance } : {}),
      };
    });
}

/** The steps an accepted event completed, recorded with when and by whom (a redone step: the latest). */
export function recordSteps(before: OrderState, after: OrderState, ctx: EventContext): OrderState {
  let steps: StepRecords | undefined;
  for (const d of STEPS) {
    if (!d.done(before) && d.done(after))
      steps = { ...(steps ?? after.steps), [d.key]: { at: ctx.now, actor: ctx.actor } };
  }
  return steps ? { ...after, steps } : after;
}

/** The client events that do a step: what its PENDING status promises. */
export function stepEvents(key: StepKey): readonly OrderEventType[] {
  return STEPS.find((d) => d.key === key)?.events ?? [];
}

/** What is still to do in the current stage, with its key points: what a stall reminder asks for. */
export function stageToDo(state: OrderState): ProcessStep[] {
  return processList(state).filter(
    (p) => p.stage === state.stage && (p.status === 'PENDING' || p.status === 'BLOCKED'),
  );
}
