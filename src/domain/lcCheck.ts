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

export interface Discrepancy {
  /** The source: `UCP600-14c`, `LC-44C`, ... */
  rule: string;
  document?: string;
  field?: string;
  message: string;
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
    out.push({
      rule: 'LC-31D',
      message: `presentation on ${p.presentedOn} is after the expiry ${c.expiryDate}`,
    });
  }
  if (p.shippedOn === null) {
    out.push({ rule: 'UCP600-20', document: 'bill-of-lading', message: 'no bill of lading yet' });
  } else {
    const lastDay = addDays(p.shippedOn, c.presentationDays);
    if (p.presentedOn > lastDay) {
      out.push({
        rule: 'UCP600-14c',
        message: `presentation on ${p.presentedOn} is later than ${c.presentationDays} days after shipment (${lastDay})`,
      });
    }
    if (c.latestShipmentDate !== null && p.shippedOn > c.latestShipmentDate) {
      out.push({
        rule: 'LC-44C',
        document: 'bill-of-lading',
        field: 'issuedOn',
        message: `shipped on ${p.shippedOn}, after the latest shipment date ${c.latestShipmentDate}`,
      });
    }
  }
  if (p.invoiceAmount.currency !== c.amount.currency) {
    out.push({
      rule: 'LC-32B',
      document: 'commercial-invoice',
      field: 'currency',
      message: `invoice in ${p.invoiceAmount.currency}, the credit is in ${c.amount.currency}`,
    });
  } else {
    const ceiling = ofPercent(c.amount, c.tolerance?.plusPercent ?? 0);
    if (toMinor(p.invoiceAmount) > ceiling) {
      out.push({
        rule: 'UCP600-30',
        document: 'commercial-invoice',
        field: 'amount',
        message: `invoice draws ${formatMoney(p.invoiceAmount)}, more than the credit allows (${formatMoney(c.amount)}${c.tolerance ? ` +${c.tolerance.plusPercent} %` : ''})`,
      });
    }
  }
  if (c.partialShipments === 'NOT_ALLOWED' && p.partial) {
    out.push({
      rule: 'UCP600-31',
      message: 'partial shipments are not allowed (43P) and this presentation ships part',
    });
  }
  if (c.transhipment === 'NOT_ALLOWED' && p.transhipped) {
    out.push({
      rule: 'UCP600-20c',
      document: 'bill-of-lading',
      message: 'transhipment is not allowed (43T)',
    });
  }
  for (const [tag, field, credit, document] of [
    ['44E', 'portOfLoading', c.portOfLoading, p.portOfLoading],
    ['44F', 'portOfDischarge', c.portOfDischarge, p.portOfDischarge],
  ] as const) {
    if (credit === null) continue;
    if (document === null || !samePlace(document, credit)) {
      out.push({
        rule: `LC-${tag}`,
        document: 'bill-of-lading',
        field,
        message: `${document ?? 'no port'} is not ${credit} as the credit names it`,
      });
    }
  }
  if (p.insurance !== undefined) {
    if (p.insurance === null) {
      out.push({ rule: 'UCP600-28', document: 'insurance-declaration', message: 'no insurance document' });
    } else {
      const minimum = atLeastPercentOf(p.insuredValue, 110);
      if (p.insurance.insuredAmount.currency !== c.amount.currency) {
        out.push({
          rule: 'UCP600-28',
          document: 'insurance-declaration',
          field: 'currency',
          message: `insured in ${p.insurance.insuredAmount.currency}, the credit is in ${c.amount.currency}`,
        });
      } else if (compareMoney(p.insurance.insuredAmount, minimum) < 0) {
        out.push({
          rule: 'UCP600-28',
          document: 'insurance-declaration',
          field: 'insuredAmount',
          message: `insured ${formatMoney(p.insurance.insuredAmount)}, less than 110 % (${formatMoney(minimum)})`,
        });
      }
      if (p.shippedOn !== null && p.insurance.issuedOn > p.shippedOn) {
        out.push({
          rule: 'UCP600-28',
          document: 'insurance-declaration',
          field: 'issuedOn',
          message: `insurance dated ${p.insurance.issuedOn}, after shipment on ${p.shippedOn}`,
        });
      }
    }
  }
  if (c.goodsDescription) {
    const credit = new Set(words(c.goodsDescription));
    p.invoiceLines.forEach((line, i) => {
      const missing = words(line.description).filter((w) => !credit.has(w));
      if (missing.length > 0) {
        out.push({
          rule: 'UCP600-18c',
          document: 'commercial-invoice',
          field: `lines[${i}].description`,
          message: `"${line.description}" does not correspond to the goods in 45A (${missing.join(', ')})`,
        });
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
    // One shipment per order until shipments in parts land: the whole contract goes at once.
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
