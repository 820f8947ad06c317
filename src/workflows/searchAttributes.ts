import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

// What engineers filter on in the Temporal UI and what GET /orders queries. Plain business
// facts only: search attributes are stored in clear text, so never a person's contact details.
export const orderStageKey = defineSearchAttributeKey('OrderStage', SearchAttributeType.KEYWORD);
export const orderStalledKey = defineSearchAttributeKey('OrderStalled', SearchAttributeType.BOOL);
export const customerCompanyKey = defineSearchAttributeKey('CustomerCompany', SearchAttributeType.KEYWORD);
export const accountManagerKey = defineSearchAttributeKey('AccountManager', SearchAttributeType.KEYWORD);

export const orderSearchAttributeKeys = [
  orderStageKey,
  orderStalledKey,
  customerCompanyKey,
  accountManagerKey,
] as const;
