/** Letters of credit: the credit arrives (and may be amended), documents are presented, the bank honours. */
import { optionalSettlement } from '../finance/settlement';
import { NEVER, paymentReference } from '../corrections/common';
import { wordsOnly } from '../corrections/define';
import { presentationDeadline } from '../dueDates';
import { balanceOwed } from '../ledger';
import { compareMoney, formatMoney, positiveMoneySchema, subtractMoney } from '../money';
import { accepted, invalid, type Outcome } from '../outcome';
import { methodAllows, type MethodEventType } from '../payment-methods';
import { afterMoney } from '../paymentPath';
import { withFreshDeadline } from '../transitions';
import { calendarDateSchema, line, optionalNote } from '../schemas/common';
import type { ValidationDetail } from '../schemas/validation';
import type { LetterOfCredit, OrderState } from '../types';
import { MT700_MAX_LENGTH, parseMt700 } from '../mt700';
import { describe, describeCopy, z } from '../zod';
import { both, inStage } from './conditions';
import { defineEvent } from './define';
import { receivePayment } from './payments';

const DEFAULT_PRESENTATION_DAYS = 21;
const presentationDaysSchema = describe(
  z.int().check(z.minimum(1), z.maximum(180)),
  'Days after the B/L date to present the documents (default 21)',
);

/** The order is open and paid under an L/C (its method allows the credit's `event`). */
const underCredit = (s: OrderState, event: MethodEventType) =>
  methodAllows(s.payments.plan, event) && s.status === 'OPEN';
const credit = (s: OrderState) => s.payments.letterOfCredit;
const presented = (s: OrderState) => credit(s)?.presentedAt != null;

/** What the credit must cover: the contract less the deposit (paid by TT). */
function creditProblems(
  state: OrderState,
  lc: Pick<LetterOfCredit, 'amount' | 'latestShipmentDate' | 'expiryDate'>,
): ValidationDetail[] {
  const contract = state.contract;
  const required = state.payments.depositRequired;
  if (!contract || !required) throw new Error('an L/C before the contract');
  if (lc.amount.currency !== contract.totalAmount.currency) {
    return [
      {
        path: 'amount.currency',
        message: `must be the contract's currency ${contract.totalAmount.currency}`,
      },
    ];
  }
  const toCover = subtractMoney(contract.totalAmount, required);
  if (compareMoney(lc.amount, toCover) < 0) {
    return [
      { path: 'amount', message: `covers less than the balance of ${formatMoney(toCover)}; amend the L/C` },
    ];
  }
  if (lc.expiryDate < lc.latestShipmentDate) {
    return [{ path: 'expiryDate', message: 'must not be before the latest shipment date' }];
  }
  return [];
}

type CreditFields = Pick<
  LetterOfCredit,
  'lcNo' | 'issuingBank' | 'amount' | 'latestShipmentDate' | 'expiryDate' | 'terms'
> & { presentationDays?: number };

interface ReceivedFields {
  lcNo?: string;
  issuingBank?: string;
  amount?: LetterOfCredit['amount'];
  latestShipmentDate?: string;
  expiryDate?: string;
  presentationDays?: number;
  mt700?: string;
}

type CreditRead =
  { ok: true; credit: CreditFields } | { ok: false; message: string; details: ValidationDetail[] };

/**
 * The credit an LC_RECEIVED names: from its MT700 (a bad or missing tag is named), with what the
 * message does not hold given beside it; else from the fields, all of which are then required.
 */
function creditOf(e: ReceivedFields): CreditRead {
  if (e.mt700 === undefined) {
    const missing = (['lcNo', 'issuingBank', 'amount', 'latestShipmentDate', 'expiryDate'] as const).filter(
      (k) => e[k] === undefined,
    );
    if (
      missing.length > 0 ||
      !e.lcNo ||
      !e.issuingBank ||
      !e.amount ||
      !e.latestShipmentDate ||
      !e.expiryDate
    )
      return {
        ok: false,
        message: 'The L/C needs its fields, or its MT700 text in mt700',
        details: missing.map((path) => ({ path, message: 'required without mt700' })),
      };
    return {
      ok: true,
      credit: {
        lcNo: e.lcNo,
        issuingBank: e.issuingBank,
        amount: e.amount,
        latestShipmentDate: e.latestShipmentDate,
        expiryDate: e.expiryDate,
        ...(e.presentationDays === undefined ? {} : { presentationDays: e.presentationDays }),
      },
    };
  }
  const parsed = parseMt700(e.mt700);
  if (!parsed.ok)
    return {
      ok: false,
      message: `The MT700 cannot be read: ${parsed.problems.map((p) => `:${p.tag}: ${p.message}`).join('; ')}`,
      details: parsed.problems.map((p) => ({
        path: p.tag === 'mt700' ? 'mt700' : `mt700.${p.tag}`,
        message: `:${p.tag}: ${p.message}`,
      })),
    };
  const c = parsed.value;
  const issuingBank = c.issuingBank ?? e.issuingBank;
  const latestShipmentDate = c.latestShipmentDate ?? e.latestShipmentDate;
  const beside: ValidationDetail[] = [
    ...(issuingBank
      ? []
      : [{ path: 'issuingBank', message: 'the MT700 has no 52A or 52D: give the issuing bank beside it' }]),
    ...(latestShipmentDate
      ? []
      : [
          {
            path: 'latestShipmentDate',
            message: 'the MT700 gives a period (44D), not a date: give the latest shipment date beside it',
          },
        ]),
  ];
  if (!issuingBank || !latestShipmentDate)
    return { ok: false, message: 'The MT700 does not hold every field the L/C needs', details: beside };
  const { lcNo, amount, expiryDate } = c;
  return {
    ok: true,
    credit: {
      lcNo,
      issuingBank,
      amount,
      latestShipmentDate,
      expiryDate,
      ...(c.presentationDays !== null || e.presentationDays !== undefined
        ? { presentationDays: c.presentationDays ?? e.presentationDays }
        : {}),
      terms: {
        issueDate: c.issueDate,
        expiryPlace: c.expiryPlace,
        tolerance: c.tolerance,
        partialShipments: c.partialShipments,
        transhipment: c.transhipment,
        shipmentPeriod: c.shipmentPeriod,
        portOfLoading: c.portOfLoading,
        portOfDischarge: c.portOfDischarge,
        goodsDescription: c.goodsDescription,
        documentsRequired: c.documentsRequired,
        additionalConditions: c.additionalConditions,
      },
    },
  };
}

export const lcReceived = defineEvent({
  type: 'LC_RECEIVED',
  description:
    'The L/C was advised to us (L/C orders, in DEPOSIT): production may start once the deposit is in too',
  fields: {
    lcNo: z.optional(line(64, 'L/C number (required without mt700)')),
    issuingBank: z.optional(
      line(200, 'Issuing bank (required without mt700, and with one that has no 52A/52D)'),
    ),
    amount: describeCopy(
      z.optional(positiveMoneySchema),
      "Credit amount, in the contract's currency (required without mt700)",
    ),
    latestShipmentDate: describeCopy(
      z.optional(calendarDateSchema),
      'Latest date of shipment (required without mt700, and with one that gives a 44D period)',
    ),
    expiryDate: describeCopy(
      z.optional(calendarDateSchema),
      'Expiry date of the credit (required without mt700)',
    ),
    presentationDays: z.optional(presentationDaysSchema),
    mt700: z.optional(
      describe(
        z.string().check(z.minLength(1), z.maxLength(MT700_MAX_LENGTH)),
        'The SWIFT MT700 text as advised: tags 20, 31C, 31D, 32B, 39A, 43P, 43T, 44C/44D, 44E, 44F, 45A, 46A, 47A, 48, 52A/52D are read; fields given beside it fill what it does not hold',
      ),
    ),
  },
  allowedWhen: both(inStage('DEPOSIT'), (s) => underCredit(s, 'LC_RECEIVED') && credit(s) === null),
  nextStep: 'the L/C',
  correction: {
    fields: ['lcNo', 'issuingBank'],
    otherwise: NEVER.credit,
    seenBy: (state) => (presented(state) ? 'the documents presented to the bank' : null),
    current: (state) => credit(state) ?? {},
    apply(state, changes) {
      const lc = credit(state);
      if (!lc) return 'the L/C is no longer on the order';
      return { ...state, payments: { ...state.payments, letterOfCredit: { ...lc, ...changes } } };
    },
  },
  decide(state, event, ctx) {
    const read = creditOf(event);
    if (!read.ok) return invalid(read.message, read.details);
    const e = read.credit;
    const problems = creditProblems(state, e);
    if (problems.length > 0) return invalid('The L/C does not fit the contract', problems);
    const letterOfCredit: LetterOfCredit = {
      lcNo: e.lcNo,
      issuingBank: e.issuingBank,
      amount: e.amount,
      latestShipmentDate: e.latestShipmentDate,
      expiryDate: e.expiryDate,
      presentationDays: e.presentationDays ?? DEFAULT_PRESENTATION_DAYS,
      ...(e.terms ? { terms: e.terms } : {}),
      receivedAt: ctx.now,
      amendments: 0,
      presentedAt: null,
      presentingBank: null,
      discrepancies: [],
      honouredAt: null,
    };
    const next = { ...state, payments: { ...state.payments, letterOfCredit } };
    return afterMoney(
      next,
      ctx,
      `L/C ${e.lcNo} received from ${e.issuingBank}: ${formatMoney(e.amount)}, ship by ${e.latestShipmentDate}, expires ${e.expiryDate}`,
    );
  },
});

export const lcAmended = defineEvent({
  type: 'LC_AMENDED',
  description: 'The L/C was amended (before presentation): the changed fields',
  fields: {
    lcNo: line(64, 'Number of the L/C amended'),
    amount: describeCopy(z.optional(positiveMoneySchema), 'New credit amount'),
    latestShipmentDate: describeCopy(z.optional(calendarDateSchema), 'New latest shipment date'),
    expiryDate: describeCopy(z.optional(calendarDateSchema), 'New expiry date'),
    presentationDays: z.optional(presentationDaysSchema),
  },
  allowedWhen: (s) => underCredit(s, 'LC_AMENDED') && credit(s) !== null && !presented(s),
  correction: { never: NEVER.credit },
  decide(state, e) {
    const lc = credit(state);
    if (!lc) throw new Error('LC_AMENDED without an L/C');
    if (e.lcNo !== lc.lcNo) {
      return invalid("Not this order's L/C", [{ path: 'lcNo', message: `the order's L/C is ${lc.lcNo}` }]);
    }
    const amended: LetterOfCredit = {
      ...lc,
      amount: e.amount ?? lc.amount,
      latestShipmentDate: e.latestShipmentDate ?? lc.latestShipmentDate,
      expiryDate: e.expiryDate ?? lc.expiryDate,
      presentationDays: e.presentationDays ?? lc.presentationDays,
      amendments: lc.amendments + 1,
    };
    const problems = creditProblems(state, amended);
    if (problems.length > 0) return invalid('The amended L/C does not fit the contract', problems);
    const changed = (['amount', 'latestShipmentDate', 'expiryDate', 'presentationDays'] as const).filter(
      (k) => e[k] !== undefined,
    );
    return refreshed(
      { ...state, payments: { ...state.payments, letterOfCredit: amended } },
      `L/C ${lc.lcNo} amendment ${amended.amendments}: ${changed.join(', ') || 'no field changed'}`,
    );
  },
});

export const documentsPresented = defineEvent({
  type: 'DOCUMENTS_PRESENTED',
  description: 'The documents were presented to the bank under the L/C (after the B/L)',
  fields: {
    bank: line(200, 'Bank the documents were presented to'),
    reference: z.optional(line(128, 'Reference')),
  },
  allowedWhen: both(
    inStage('BALANCE'),
    (s) => underCredit(s, 'DOCUMENTS_PRESENTED') && credit(s) !== null && !presented(s),
  ),
  nextStep: 'the presentation of the documents to the bank',
  correction: {
    fields: ['bank'],
    current: (state) => ({ bank: credit(state)?.presentingBank }),
    apply(state, changes) {
      const lc = credit(state);
      if (!lc || changes.bank === undefined) return state;
      return {
        ...state,
        payments: { ...state.payments, letterOfCredit: { ...lc, presentingBank: changes.bank } },
      };
    },
  },
  decide(state, e, ctx) {
    const lc = credit(state);
    const deadline = presentationDeadline(state);
    if (!lc || !deadline) throw new Error('DOCUMENTS_PRESENTED without an L/C and a B/L');
    const late = ctx.now.slice(0, 10) > deadline;
    const next = {
      ...state,
      payments: {
        ...state.payments,
        letterOfCredit: { ...lc, presentedAt: ctx.now, presentingBank: e.bank },
      },
    };
    return refreshed(
      next,
      `Documents presented to ${e.bank}${e.reference ? ` (${e.reference})` : ''}` +
        (late ? `, after the presentation deadline ${deadline}` : `, within the deadline ${deadline}`),
    );
  },
});

export const discrepancyNoticed = defineEvent({
  type: 'DISCREPANCY_NOTICED',
  description: 'The bank found discrepancies in the presented documents',
  fields: { items: z.array(line(300, 'A discrepancy')).check(z.minLength(1), z.maxLength(20)) },
  allowedWhen: both(
    inStage('BALANCE'),
    (s) => underCredit(s, 'DISCREPANCY_NOTICED') && presented(s) && credit(s)?.honouredAt === null,
  ),
  correction: wordsOnly(
    ['items'],
    'the discrepancies the bank raised are resolved with DISCREPANCY_RESOLVED',
  ),
  decide(state, e) {
    const lc = credit(state);
    if (!lc) throw new Error('DISCREPANCY_NOTICED without an L/C');
    const discrepancies = [...lc.discrepancies, ...e.items].slice(-20);
    return accepted(
      { ...state, payments: { ...state.payments, letterOfCredit: { ...lc, discrepancies } } },
      `Discrepancies: ${e.items.join('; ')}`,
    );
  },
});

export const discrepancyResolved = defineEvent({
  type: 'DISCREPANCY_RESOLVED',
  description: 'The discrepancies were resolved (corrected documents, or the buyer waived them)',
  fields: { note: optionalNote },
  allowedWhen: (s) => underCredit(s, 'DISCREPANCY_RESOLVED') && (credit(s)?.discrepancies.length ?? 0) > 0,
  correction: wordsOnly(['note']),
  decide(state, e) {
    const lc = credit(state);
    if (!lc) throw new Error('DISCREPANCY_RESOLVED without an L/C');
    return accepted(
      { ...state, payments: { ...state.payments, letterOfCredit: { ...lc, discrepancies: [] } } },
      e.note ? `Discrepancies resolved: ${e.note}` : 'Discrepancies resolved',
    );
  },
});

export const lcHonoured = defineEvent({
  type: 'LC_HONOURED',
  description:
    'The bank honoured the presentation: the balance is paid, the documents go to the buyer through the bank',
  fields: {
    amount: describeCopy(positiveMoneySchema, "Amount paid under the L/C, in the contract's currency"),
    reference: line(128, 'Bank reference'),
    settlement: optionalSettlement,
  },
  allowedWhen: both(
    inStage('BALANCE'),
    (s) =>
      underCredit(s, 'LC_HONOURED') &&
      presented(s) &&
      credit(s)?.honouredAt === null &&
      balanceOwed(s.payments),
  ),
  nextStep: 'the bank honouring the L/C',
  correction: paymentReference(['reference']),
  decide(state, e, ctx) {
    const lc = credit(state);
    if (!lc) throw new Error('LC_HONOURED without an L/C');
    const honoured = {
      ...state,
      payments: { ...state.payments, letterOfCredit: { ...lc, honouredAt: ctx.now, discrepancies: [] } },
    };
    return receivePayment(honoured, ctx, {
      settlement: e.settlement,
      received: e.amount,
      reference: e.reference,
      to: 'BALANCE',
      label: `L/C ${lc.lcNo} honoured:`,
    });
  },
});

/** The stage deadline follows the credit's dates (the reminder fires before presentation is due). */
function refreshed(state: OrderState, summary: string): Outcome {
  return accepted(withFreshDeadline(state), summary);
}
