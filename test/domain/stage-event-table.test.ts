import { hasShipped } from '../../src/domain/shipment';
import {
  ORDER_EVENT_TYPES,
  TAKE_BACK_TYPES,
  allowedEvents,
  applyEvent,
  recordedElsewhere,
  toMinor,
  type AnyEvent,
  type OrderEventType,
  type OrderState,
  type Stage,
} from '../../src/domain';
import { apply, example, usd, walkTo } from './fixtures';

type Row = { name: string; state: () => OrderState; allowed: OrderEventType[] };

// The stage table: events that take an earlier one back fit wherever there is one (corrections.test.ts).
const TAKE_BACK: readonly string[] = TAKE_BACK_TYPES;
// Money after the ship sails follows the money, the credit and the rebate, not the stage (finance.test.ts).
const MONEY_AFTER: readonly string[] = [
  'CREDIT_APPROVED',
  'SHIPMENT_DECLARED_TO_INSURER',
  'FX_SETTLED',
  'COST_RECORDED',
  'REBATE_DOCUMENTS_RECORDED',
  'REBATE_FILED',
  'REBATE_RECEIVED',
  'REBATE_NOT_APPLICABLE',
];
const NOT_BY_STAGE = [...TAKE_BACK, ...MONEY_AFTER];
// An attachment is recorded by its own endpoint in any stage (attachments.test.ts).
const STAGE_EVENTS = ORDER_EVENT_TYPES.filter((t) => !NOT_BY_STAGE.includes(t) && !recordedElsewhere(t));
const stageEventsAllowed = (state: OrderState) =>
  allowedEvents(state).filter((t) => !NOT_BY_STAGE.includes(t));

const always: OrderEventType[] = ['NOTE_ADDED', 'ORDER_CANCELLED', 'ORDER_ON_HOLD'];
/** While the customer owes money (from the contract on): a payment in any form, a manager's write-off. */
const owing: OrderEventType[] = ['PAYMENT_RECEIVED', 'PAYMENT_WRITTEN_OFF'];
/** From production to the balance, a TT order keeps its documents until paid: a manager may release them. */
const releasable: OrderEventType[] = [...owing, 'RELEASE_APPROVED'];
/** A change order may amend the contract: the deal before the goods leave, the documents' data until released. */
const amendable: OrderEventType[] = ['CONTRACT_AMENDED'];
/** From the signed contract until the order leaves SHIPPING (shipments in parts). */
const plannable: OrderEventType[] = ['SHIPMENT_PLANNED'];
const dispatched = { type: 'EFFECT_COMPLETED', effect: 'dispatchDocuments' } as const;

/** SHIPPING with booking and customs done, then `before`, a B/L of `blType`, and `after`. */
const shippedWith = (blType: string, before: AnyEvent[], after: AnyEvent[]) =>
  apply(walkTo('SHIPPING'), [
    example('BOOKING_CONFIRMED'),
    example('CUSTOMS_DECLARED'),
    ...before,
    example('BILL_OF_LADING_ISSUED', { blType }),
    ...after,
  ]);

/** A telex-release B/L, paid after the copies: the documents are released and the request is out. */
const telexReleased = () => shippedWith('TELEX_RELEASE', [], [example('BALANCE_RECEIVED')]);

const failed = (s: OrderState) =>
  apply(s, [{ type: 'EFFECT_FAILED', effect: 'notifyCancelled', error: 'SMTP down' }]);

/** Every stage (as first entered), plus the sub-states the contract's "after ..." rules distinguish. */
const ROWS: Row[] = [
  { name: 'INQUIRY', state: () => walkTo('INQUIRY'), allowed: ['QUOTATION_SENT', ...always] },
  {
    name: 'QUOTATION',
    state: () => walkTo('QUOTATION'),
    allowed: ['QUOTATION_SENT', 'QUOTATION_ACCEPTED', 'QUOTATION_DECLINED', ...always],
  },
  {
    name: 'SAMPLE, no round yet',
    state: () => walkTo('SAMPLE'),
    allowed: ['SAMPLE_SENT', 'SAMPLE_WAIVED', ...always],
  },
  {
    name: 'SAMPLE, sample sent',
    state: () => apply(walkTo('SAMPLE'), [example('SAMPLE_SENT')]),
    allowed: ['SAMPLE_APPROVED', 'SAMPLE_REJECTED', 'SAMPLE_WAIVED', ...always],
  },
  {
    name: 'SAMPLE, sample rejected',
    state: () => apply(walkTo('SAMPLE'), [example('SAMPLE_SENT'), example('SAMPLE_REJECTED')]),
    allowed: ['QUOTATION_SENT', 'SAMPLE_SENT', 'SAMPLE_WAIVED', ...always],
  },
  { name: 'CONTRACT', state: () => walkTo('CONTRACT'), allowed: ['CONTRACT_SIGNED', ...always] },
  {
    name: 'DEPOSIT',
    state: () => walkTo('DEPOSIT'),
    allowed: ['DEPOSIT_RECEIVED', ...always, ...owing, ...amendable, ...plannable, ...plannable],
  },
  {
    name: 'PRODUCTION, no inspection',
    state: () => walkTo('PRODUCTION'),
    allowed: [
      'PRODUCTION_PROGRESS',
      'INSPECTION_RECORDED',
      ...always,
      ...releasable,
      ...amendable,
      ...plannable,
      ...plannable,
    ],
  },
  {
    name: 'PRODUCTION, latest inspection failed',
    state: () =>
      apply(walkTo('PRODUCTION'), [
        example('INSPECTION_RECORDED'),
        example('INSPECTION_RECORDED', { result: 'FAILED' }),
      ]),
    allowed: [
      'PRODUCTION_PROGRESS',
      'INSPECTION_RECORDED',
      ...always,
      ...releasable,
      ...amendable,
      ...plannable,
      ...plannable,
    ],
  },
  {
    name: 'PRODUCTION, latest inspection passed',
    state: () => apply(walkTo('PRODUCTION'), [example('INSPECTION_RECORDED')]),
    allowed: [
      'PRODUCTION_PROGRESS',
      'INSPECTION_RECORDED',
      'PRODUCTION_COMPLETED',
      ...always,
      ...releasable,
      ...amendable,
      ...plannable,
    ],
  },
  {
    name: 'SHIPPING, no booking',
    state: () => walkTo('SHIPPING'),
    allowed: ['BOOKING_CONFIRMED', ...always, ...releasable, ...amendable, ...plannable, ...plannable],
  },
  {
    name: 'SHIPPING, booked',
    state: () => apply(walkTo('SHIPPING'), [example('BOOKING_CONFIRMED')]),
    allowed: [
      'BOOKING_CONFIRMED',
      'CUSTOMS_DECLARED',
      ...always,
      ...releasable,
      ...amendable,
      ...plannable,
      ...plannable,
    ],
  },
  {
    name: 'SHIPPING, customs declared',
    state: () => apply(walkTo('SHIPPING'), [example('BOOKING_CONFIRMED'), example('CUSTOMS_DECLARED')]),
    allowed: [
      'CUSTOMS_DECLARED',
      'BILL_OF_LADING_ISSUED',
      ...always,
      ...releasable,
      ...amendable,
      ...plannable,
      ...plannable,
    ],
  },
  {
    name: 'SHIPPING (CIF), customs declared, not insured',
    state: () =>
      apply(walkTo('SHIPPING', 'CIF'), [example('BOOKING_CONFIRMED'), example('CUSTOMS_DECLARED')]),
    allowed: [
      'CUSTOMS_DECLARED',
      'INSURANCE_ARRANGED',
      ...always,
      ...releasable,
      ...amendable,
      ...plannable,
      ...plannable,
    ],
  },
  {
    name: 'SHIPPING (CIF), customs declared, insured',
    state: () =>
      apply(walkTo('SHIPPING', 'CIF'), [
        example('BOOKING_CONFIRMED'),
        example('CUSTOMS_DECLARED'),
        example('INSURANCE_ARRANGED'),
      ]),
    allowed: [
      'CUSTOMS_DECLARED',
      'BILL_OF_LADING_ISSUED',
      'INSURANCE_ARRANGED',
      ...always,
      ...releasable,
      ...amendable,
      ...plannable,
    ],
  },
  {
    name: 'SHIPPING (EXW)',
    state: () => walkTo('SHIPPING', 'EXW'),
    allowed: ['GOODS_COLLECTED', ...always, ...releasable, ...amendable, ...plannable, ...plannable],
  },
  {
    name: 'BALANCE',
    state: () => walkTo('BALANCE'),
    allowed: [
      'DOCUMENTS_CONFIRMED',
      'BALANCE_RECEIVED',
      'NOTE_ADDED',
      'ORDER_ON_HOLD',
      ...releasable,
      ...amendable,
    ],
  },
  {
    name: 'BALANCE, copies confirmed',
    state: () => apply(walkTo('BALANCE'), [example('DOCUMENTS_CONFIRMED')]),
    allowed: ['BALANCE_RECEIVED', 'NOTE_ADDED', 'ORDER_ON_HOLD', ...releasable, ...amendable],
  },
  {
    name: 'DOCUMENTS, not dispatched yet',
    state: () => walkTo('DOCUMENTS'),
    allowed: ['ORIGINALS_COURIERED', 'NOTE_ADDED', 'ORDER_ON_HOLD', ...amendable],
  },
  {
    name: 'DOCUMENTS, on hold',
    state: () => apply(walkTo('DOCUMENTS'), [example('ORDER_ON_HOLD')]),
    allowed: ['ORIGINALS_COURIERED', 'NOTE_ADDED', 'ORDER_RESUMED', ...amendable],
  },
  {
    name: 'DOCUMENTS, dispatched, originals not sent',
    state: () => apply(walkTo('DOCUMENTS'), [dispatched]),
    allowed: ['ORIGINALS_COURIERED', 'NOTE_ADDED', 'ORDER_ON_HOLD', ...amendable],
  },
  {
    name: 'DOCUMENTS, dispatched, originals couriered',
    state: () => apply(walkTo('DOCUMENTS'), [dispatched, example('ORIGINALS_COURIERED')]),
    allowed: ['GOODS_RELEASED', 'NOTE_ADDED', 'ORDER_ON_HOLD', ...amendable],
  },
  {
    name: 'DOCUMENTS (telex release), dispatched',
    state: () => apply(telexReleased(), [dispatched]),
    allowed: ['TELEX_RELEASE_CONFIRMED', 'NOTE_ADDED', 'ORDER_ON_HOLD', ...amendable],
  },
  {
    name: 'DOCUMENTS (telex release), confirmed',
    state: () => apply(telexReleased(), [dispatched, example('TELEX_RELEASE_CONFIRMED')]),
    allowed: ['GOODS_RELEASED', 'NOTE_ADDED', 'ORDER_ON_HOLD', ...amendable],
  },
  {
    name: 'DOCUMENTS (sea waybill), dispatched',
    state: () =>
      apply(shippedWith('SEA_WAYBILL', [example('PAYMENT_RECEIVED', { amount: usd('7000.00') })], []), [
        dispatched,
      ]),
    allowed: ['GOODS_RELEASED', 'NOTE_ADDED', 'ORDER_ON_HOLD', ...amendable],
  },
  // A closed order's tail: it still takes notes (and corrections, elsewhere).
  { name: 'COMPLETED', state: () => walkTo('COMPLETED'), allowed: ['NOTE_ADDED'] },
  { name: 'CANCELLED', state: () => walkTo('CANCELLED'), allowed: ['NOTE_ADDED'] },
  {
    name: 'CANCELLED, with a failed effect',
    state: () => failed(walkTo('CANCELLED')),
    allowed: ['NOTE_ADDED', 'RETRY_FAILED_EFFECTS'],
  },
  {
    name: 'CANCELLED, archived',
    state: () => apply(walkTo('CANCELLED'), [{ type: 'ORDER_ARCHIVED' }]),
    allowed: [],
  },
  {
    name: 'DEPOSIT, with a failed effect',
    state: () => failed(walkTo('DEPOSIT')),
    allowed: ['DEPOSIT_RECEIVED', ...always, ...owing, ...amendable, ...plannable, 'RETRY_FAILED_EFFECTS'],
  },
];

const cells = ROWS.flatMap((row) => STAGE_EVENTS.map((type) => [row.name, type, row] as const));

describe('every stage x every client event', () => {
  it('covers every stage', () => {
    const stages = new Set(ROWS.map((r) => r.state().stage));
    expect([...stages].sort()).toEqual(
      (
        [
          'INQUIRY',
          'QUOTATION',
          'SAMPLE',
          'CONTRACT',
          'DEPOSIT',
          'PRODUCTION',
          'SHIPPING',
          'BALANCE',
          'DOCUMENTS',
          'COMPLETED',
          'CANCELLED',
        ] as Stage[]
      ).sort(),
    );
  });

  it.each(ROWS.map((r) => [r.name, r] as const))('allowedEvents in %s', (_name, row) => {
    expect(stageEventsAllowed(row.state())).toEqual(STAGE_EVENTS.filter((t) => row.allowed.includes(t)));
  });

  it.each(cells)('%s: %s', (_name, type, row) => {
    const state = row.state();
    // Once money came in, a cancellation must say what happens to it.
    const paid = state.payments.depositReceived !== null && toMinor(state.payments.depositReceived) > 0n;
    // Once the goods left, an amendment may only complete the documents' data.
    const event =
      type === 'ORDER_CANCELLED' && paid
        ? example(type, { depositHandling: 'REFUND' })
        : type === 'CONTRACT_AMENDED' && hasShipped(state)
          ? ({ type, reason: 'marks for the originals', marks: 'ACME' } as const)
          : example(type);
    const decision = applyEvent(state, event, { now: '2027-06-01T00:00:00Z', actor: 'ops' });
    if (row.allowed.includes(type)) {
      expect(decision).toMatchObject({ ok: true, duplicate: false });
      if (decision.ok) expect(decision.state.timeline).toHaveLength(state.timeline.length + 1);
    } else {
      expect(decision).toEqual({
        ok: false,
        code: 'EVENT_NOT_ALLOWED',
        message: expect.stringContaining(type) as string,
        stage: state.stage,
        allowedEvents: allowedEvents(state),
      });
    }
  });
});
