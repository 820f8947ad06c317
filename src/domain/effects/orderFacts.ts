/** What several effects' inputs take from the order the same way. */
import type { DocumentOrder } from '../documentOrder';
import type { Language } from '../schemas/common';
import { tradeData } from '../tradeData';
import type { OrderState } from '../types';
import type { MessageKey, Person } from './define';

export function required(state: OrderState, purpose: string) {
  if (!state.quotation || !state.contract || !state.payments.plan) {
    throw new Error(`order ${state.orderId} has no quotation or contract for ${purpose}`);
  }
  return { quotation: state.quotation, contract: state.contract, plan: state.payments.plan };
}

/** Who the customer-facing payment emails go to, and who signs them. */
export interface CustomerEmail extends MessageKey {
  /** `language`: what the customer reads (default en). */
  customer: { name: string; company: string; email: string; country: string; language?: Language };
  accountManager: Person;
  contractNo: string;
}

/** The customer-facing part every payment email shares. */
export function customerEmail(state: OrderState, now: string, purpose: string) {
  const { contract } = required(state, purpose);
  return {
    orderId: state.orderId,
    sequence: 1,
    requestedAt: now,
    customer: state.customer,
    accountManager: state.accountManager,
    contractNo: contract.contractNo,
  };
}

/** The transport document the banks see: the B/L, or under EXW the collection (its cargo receipt). */
export function billOfLading(state: OrderState): { blNo: string; issuedOn: string } {
  const { billOfLading: bl, collected } = state.shipping;
  if (bl) return bl;
  if (collected) return { blNo: `cargo receipt (${collected.collectedBy})`, issuedOn: collected.collectedOn };
  throw new Error(`order ${state.orderId} has no B/L`);
}

/** The parts of the order its documents read, with the contract's lines and trade data. */
export function documentOrder(state: OrderState): DocumentOrder {
  const { orderId, customer, accountManager, inquiry, quotation, contract, payments, shipping } = state;
  return {
    orderId,
    customer,
    accountManager,
    inquiry,
    quotation,
    contract,
    payments,
    shipping,
    trade: tradeData(state),
  };
}
