import { contractLines, type ContractLine, type ContractTrade } from './contractTerms';
import type { OrderTradeData } from './documentOrder';
import type { InsurancePolicy, OrderState } from './types';

/**
 * The trade data the documents print, from the contract (lines, ports, marks...), the insurance
 * and the L/C. Pure (it runs in the workflow), and read from fields the state and the stored view
 * share, so the workflow's emailed documents and the API's preview come out the same.
 */
export interface TradeSource {
  quotation: OrderState['quotation'];
  inquiry: Pick<OrderState['inquiry'], 'products'>;
  contract: { lines?: ContractLine[]; trade?: ContractTrade } | null;
  shipping: { insurance?: Omit<InsurancePolicy, 'arrangedAt'> | null };
  payments: {
    letterOfCredit: { lcNo: string; issuingBank?: string; terms?: { issueDate: string } } | null;
  };
}

export function tradeData(order: TradeSource): OrderTradeData {
  const trade = order.contract?.trade ?? {};
  // Before the contract the documents (a proforma) print the quotation's lines.
  const lines = order.contract ? contractLines(order) : [];
  const insurance = order.shipping.insurance;
  const lc = order.payments.letterOfCredit;
  const data: OrderTradeData = {
    ...(lines.length > 0
      ? {
          contractLines: lines.map((l) => ({
            description: l.description,
            hsCode: l.hsCode ?? null,
            quantity: l.quantity,
            unit: l.unit ?? '',
            unitPrice: l.unitPrice,
          })),
          packing: lines.map((l) => ({
            packages: l.packing?.packages ?? null,
            netWeightKg: l.packing?.netWeightKg ?? null,
            grossWeightKg: l.packing?.grossWeightKg ?? null,
            volumeCbm: l.packing?.volumeCbm ?? null,
          })),
        }
      : {}),
    ...pick(trade, [
      'buyerAddress',
      'portOfLoading',
      'portOfDischarge',
      'originCountry',
      'marks',
      'packageType',
      'consignee',
      'notifyParty',
      'freight',
      'insuranceCost',
    ]),
    ...(lc
      ? {
          lcNo: lc.lcNo,
          ...(lc.issuingBank ? { lcIssuingBank: lc.issuingBank } : {}),
          ...(lc.terms ? { lcIssueDate: lc.terms.issueDate } : {}),
        }
      : {}),
    ...(insurance
      ? {
          insurance: {
            policyNo: insurance.policyNo,
            insurer: insurance.insurer,
            cover: insurance.cover,
            insuredAmount: insurance.insuredAmount,
          },
        }
      : {}),
  };
  return data;
}

function pick<K extends keyof ContractTrade>(
  trade: ContractTrade,
  keys: K[],
): Partial<Pick<ContractTrade, K>> {
  const out: Partial<Pick<ContractTrade, K>> = {};
  for (const key of keys) if (trade[key] !== undefined) out[key] = trade[key];
  return out;
}
