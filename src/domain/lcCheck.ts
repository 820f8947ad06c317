/**
 * The documents checked against the credit before presentation, as the nominated bank's checker
 * would (UCP 600, ISBP 745). Each discrepancy names the rule it breaks, so the desk can fix the
 * document (or ask for an amendment) before the bank charges a discrepancy fee.
 */
import {
  atLeastPercentOf,
  compareMoney,
  formatMoney,
  percentToBasisPoints,
  toMinor,
  type Money,
} from './money';
import { addDays } from './calendarDate';
import type { DocumentOrder } from './documentOrder';
import { sellerInsures } from './incoterms';
import type { ShipmentPermission } from './mt700';
import type { LetterOfCredit } from './state';
import type { shipmentViewSchema } from './shipments/viewSchema';
import type { z } from './zod';
import { dictionary, fill } from './i18n';
import { EN_UI } from './i18n/en';
import type { Language } from './schemas/common';

/** What is wrong, as the dictionaries word it (`ui['lcCheck.<problem>']`). */
export type LcProblem = {
  [K in keyof typeof EN_UI]: K extends `lcCheck.${infer P}` ? P : never;
}[keyof typeof EN_UI];

export interface Discrepancy {
  /** The source: `UCP600-14c`, `LC-44C`, ... */
  rule: string;
  document?: string;
  field?: string;
  /** In English; `problem` and `params` word it in any language (absent in older email inputs). */
  message: string;
  problem?: LcProblem;
  params?: Record<string, string>;
}

/** A discrepancy's message in `language`, from the dictionaries. */
export function discrepancyMessage(d: Discrepancy, language: Language): string {
  return d.problem ? fill(dictionary(language).ui[`lcCheck.${d.problem}`], d.params) : d.message;
}

function discrepancy(
  rule: string,
  problem: LcProblem,
  params: Record<string, string | number> = {},
  where: { document?: string; field?: string } = {},
): Discrepancy {
  const texts = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return { rule, ...where, message: fill(EN_UI[`lcCheck.${problem}`], texts), problem, params: texts };
}

export interface CreditForCheck {
  amount: Money;
  tolerance: { plusPercent: number; minusPercent: number } | null;
  expiryDate: string;
  latestShipmentDate: string | null;
  presentationDays: number;
  partialShipments: ShipmentPermission | null;
  transhipment: ShipmentPermission | null;
  portOfLoading: string | null;
  portOfDischarge: string | null;
  goodsDescription: string | null;
}

export interface PresentationForCheck {
  credit: CreditForCheck;
  /** The day the documents go (or would go) to the bank. */
  presentedOn: string;
  /** What the invoice draws under the credit. */
  invoiceAmount: Money;
  invoiceLines: { description: string }[];
  /** The B/L's on-board date; null before there is a B/L. */
  shippedOn: string | null;
  portOfLoading: string | null;
  portOfDischarge: string | null;
  /** Whether this presentation ships less than the contract (or one of several shipments). */
  partial: boolean;
  transhipped: boolean;
  /** CIF/CIP: the insurance document; undefined when the seller does not insure. */
  insurance?: { insuredAmount: Money; issuedOn: string } | null;
  /** The value insurance covers 110 % of (the CIF or CIP value, UCP 600 art. 28f ii). */
  insuredValue: Money;
}

/** Upper case words of 3+ letters or any number: how ISBP compares descriptions, not mirror images. */
function words(text: string): string[] {
  return (text.toUpperCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3 || /\d/.test(w));
}

const samePlace = (document: string, credit: string): boolean => {
  const a = document.toUpperCase();
  const b = credit.toUpperCase();
  // 44E may name a range ("ANY CHINESE PORT"): the document's port must be one the credit allows.
  if (/\bANY\b/.test(b)) return true;
  return a.includes(b.split(/[,(]/)[0].trim()) || b.includes(a.split(/[,(]/)[0].trim());
};

function ofPercent(money: Money, percent: number): bigint {
  return (toMinor(money) * (10_000n + percentToBasisPoints(percent))) / 10_000n;
}

export function checkPresentation(p: PresentationForCheck): Discrepancy[] {
  const c = p.credit;
  const out: Discrepancy[] = [];
  if (p.presentedOn > c.expiryDate) {
    out.push(discrepancy('LC-31D', 'expired', { presentedOn: p.presentedOn, expiryDate: c.expiryDate }));
  }
  if (p.shippedOn === null) {
    out.push(discrepancy('UCP600-20', 'noBillOfLading', {}, { document: 'bill-of-lading' }));
  } else {
    const lastDay = addDays(p.shippedOn, c.presentationDays);
    if (p.presentedOn > lastDay) {
      out.push(
        discrepancy('UCP600-14c', 'latePresentation', {
          presentedOn: p.presentedOn,
          days: c.presentationDays,
          lastDay,
        }),
      );
    }
    if (c.latestShipmentDate !== null && p.shippedOn > c.latestShipmentDate) {
      out.push(
        discrepancy(
          'LC-44C',
          'lateShipment',
          { shippedOn: p.shippedOn, latestShipmentDate: c.latestShipmentDate },
          { document: 'bill-of-lading', field: 'issuedOn' },
        ),
      );
    }
  }
  if (p.invoiceAmount.currency !== c.amount.currency) {
    out.push(
      discrepancy(
        'LC-32B',
        'invoiceCurrency',
        { invoiceCurrency: p.invoiceAmount.currency, creditCurrency: c.amount.currency },
        { document: 'commercial-invoice', field: 'currency' },
      ),
    );
  } else {
    const ceiling = ofPercent(c.amount, c.tolerance?.plusPercent ?? 0);
    if (toMinor(p.invoiceAmount) > ceiling) {
      const amounts = { drawn: formatMoney(p.invoiceAmount), allowed: formatMoney(c.amount) };
      out.push(
        c.tolerance
          ? discrepancy(
              'UCP600-30',
              'overDrawnTolerance',
              { ...amounts, percent: c.tolerance.plusPercent },
              { document: 'commercial-invoice', field: 'amount' },
            )
          : discrepancy('UCP600-30', 'overDrawn', amounts, {
              document: 'commercial-invoice',
              field: 'amount',
            }),
      );
    }
  }
  if (c.partialShipments === 'NOT_ALLOWED' && p.partial) {
    out.push(discrepancy('UCP600-31', 'partialShipment'));
  }
  if (c.transhipment === 'NOT_ALLOWED' && p.transhipped) {
    out.push(discrepancy('UCP600-20c', 'transhipment', {}, { document: 'bill-of-lading' }));
  }
  for (const [tag, field, credit, document] of [
    ['44E', 'portOfLoading', c.portOfLoading, p.portOfLoading],
    ['44F', 'portOfDischarge', c.portOfDischarge, p.portOfDischarge],
  ] as const) {
    if (credit === null) continue;
    const where = { document: 'bill-of-lading', field };
    if (document === null) out.push(discrepancy(`LC-${tag}`, 'portMissing', { creditPort: credit }, where));
    else if (!samePlace(document, credit))
      out.push(discrepancy(`LC-${tag}`, 'portDiffers', { port: document, creditPort: credit }, where));
  }
  if (p.insurance !== undefined) {
    const document = 'insurance-declaration';
    if (p.insurance === null) {
      out.push(discrepancy('UCP600-28', 'noInsurance', {}, { document }));
    } else {
      const minimum = atLeastPercentOf(p.insuredValue, 110);
      if (p.insurance.insuredAmount.currency !== c.amount.currency) {
        out.push(
          discrepancy(
            'UCP600-28',
            'insuranceCurrency',
            { insuredCurrency: p.insurance.insuredAmount.currency, creditCurrency: c.amount.currency },
            { document, field: 'currency' },
          ),
        );
      } else if (compareMoney(p.insurance.insuredAmount, minimum) < 0) {
        out.push(
          discrepancy(
            'UCP600-28',
            'underInsured',
            { insured: formatMoney(p.insurance.insuredAmount), minimum: formatMoney(minimum) },
            { document, field: 'insuredAmount' },
          ),
        );
      }
      if (p.shippedOn !== null && p.insurance.issuedOn > p.shippedOn) {
        out.push(
          discrepancy(
            'UCP600-28',
            'lateInsurance',
            { issuedOn: p.insurance.issuedOn, shippedOn: p.shippedOn },
            { document, field: 'issuedOn' },
          ),
        );
      }
    }
  }
  if (c.goodsDescription) {
    const credit = new Set(words(c.goodsDescription));
    p.invoiceLines.forEach((line, i) => {
      const missing = words(line.description).filter((w) => !credit.has(w));
      if (missing.length > 0) {
        out.push(
          discrepancy(
            'UCP600-18c',
            'goodsDescription',
            { description: line.description, words: missing.join(', ') },
            { document: 'commercial-invoice', field: `lines[${i}].description` },
          ),
        );
      }
    });
  }
  return out;
}

/** What lc-check reads of an order: its documents' data, the credit, and what the credit covers. */
export interface CreditOrder extends DocumentOrder {
  payments: DocumentOrder['payments'] & {
    letterOfCredit: LetterOfCredit | null;
    balanceRequired: Money | null;
  };
}

/**
 * The presentation the order would make on `today` (or made, once presented): the invoice draws the
 * balance the credit covers; the B/L date is the shipment date; a CIF/CIP order presents its
 * insurance, dated the day it was arranged.
 */
export function presentationOf(order: CreditOrder, today: string): PresentationForCheck | null {
  const lc = order.payments.letterOfCredit;
  const drawn = order.payments.balanceRequired ?? order.contract?.totalAmount;
  if (!lc || !drawn || !order.contract) return null;
  const trade = order.trade ?? {};
  const terms = lc.terms;
  const insurance = order.shipping.insurance;
  return {
    credit: {
      amount: lc.amount,
      tolerance: terms?.tolerance ?? null,
      expiryDate: lc.expiryDate,
      latestShipmentDate: lc.latestShipmentDate,
      presentationDays: lc.presentationDays,
      partialShipments: terms?.partialShipments ?? null,
      transhipment: terms?.transhipment ?? null,
      portOfLoading: terms?.portOfLoading ?? null,
      portOfDischarge: terms?.portOfDischarge ?? null,
      goodsDescription: terms?.goodsDescription ?? null,
    },
    presentedOn: lc.presentedAt?.slice(0, 10) ?? today,
    invoiceAmount: drawn,
    invoiceLines: (trade.contractLines ?? order.quotation?.lines ?? []).map((l) => ({
      description: l.description,
    })),
    shippedOn: order.shipping.billOfLading?.issuedOn ?? null,
    portOfLoading: trade.portOfLoading ?? null,
    portOfDischarge: trade.portOfDischarge ?? null,
    // The whole contract at once; lcCheckShipment checks one part of an order in several.
    partial: false,
    transhipped: false,
    ...(sellerInsures(order)
      ? {
          insurance: insurance
            ? { insuredAmount: insurance.insuredAmount, issuedOn: insurance.arrangedAt.slice(0, 10) }
            : null,
        }
      : {}),
    insuredValue: order.contract.totalAmount,
  };
}

/** The discrepancies of the order's presentation; null when the order has no L/C. */
export function lcCheck(order: CreditOrder, today: string): Discrepancy[] | null {
  const presentation = presentationOf(order, today);
  return presentation && checkPresentation(presentation);
}

/** What lc-check reads of one shipment (the view's `shipments[]` entry). */
export type ShipmentForCheck = Pick<
  z.infer<typeof shipmentViewSchema>,
  'shipmentId' | 'lines' | 'billOfLading' | 'insurance' | 'amount' | 'presentation'
>;

/**
 * One shipment's presentation under the credit: its own B/L, insurance, share and the contract lines
 * it carries. With more than one shipment each presentation ships part (UCP 600 art. 31).
 */
export function lcCheckShipment(
  order: CreditOrder,
  shipment: ShipmentForCheck,
  shipmentCount: number,
  today: string,
): Discrepancy[] | null {
  const lc = order.payments.letterOfCredit;
  const lines = order.trade?.contractLines ?? [];
  const carried = shipment.lines.flatMap((l) => (lines[l.lineNo - 1] ? [lines[l.lineNo - 1]] : []));
  const part: CreditOrder = {
    ...order,
    shipping: { ...order.shipping, billOfLading: shipment.billOfLading, insurance: shipment.insurance },
    payments: {
      ...order.payments,
      balanceRequired: shipment.amount ?? order.payments.balanceRequired,
      letterOfCredit: lc && { ...lc, presentedAt: shipment.presentation?.presentedAt ?? null },
    },
    ...(order.trade ? { trade: { ...order.trade, contractLines: carried } } : {}),
  };
  const presentation = presentationOf(part, today);
  return (
    presentation &&
    checkPresentation({
      ...presentation,
      partial: shipmentCount > 1,
      insuredValue: shipment.amount ?? presentation.insuredValue,
    })
  );
}

export type LcCheckResult =
  | { kind: 'checked'; discrepancies: (Discrepancy & { shipmentId?: string })[] }
  | { kind: 'noCredit' }
  | { kind: 'noShipment'; shipmentId: string };

/**
 * `GET /orders/{id}/lc-check`: one shipment's presentation (`shipmentId`), or the order's. An order in
 * several shipments makes one presentation each, so each is checked, its discrepancies naming it.
 */
export function lcCheckOf(
  order: CreditOrder,
  shipments: readonly ShipmentForCheck[],
  today: string,
  shipmentId?: string,
): LcCheckResult {
  if (!order.payments.letterOfCredit) return { kind: 'noCredit' };
  const chosen = shipmentId === undefined ? shipments : shipments.filter((s) => s.shipmentId === shipmentId);
  if (shipmentId !== undefined && chosen.length === 0) return { kind: 'noShipment', shipmentId };
  if (shipmentId === undefined && shipments.length <= 1) {
    const whole = lcCheck(order, today);
    return whole ? { kind: 'checked', discrepancies: whole } : { kind: 'noCredit' };
  }
  const discrepancies = chosen.flatMap((s) =>
    (lcCheckShipment(order, s, shipments.length, today) ?? []).map((d) => ({
      ...d,
      shipmentId: s.shipmentId,
    })),
  );
  return { kind: 'checked', discrepancies };
}
