/**
 * Documents follow a correction: values they print were corrected after they went out, so they are
 * re-issued as a revision and sent again to whoever had them. What cannot be recalled (couriered
 * originals, a set at the bank) leaves a warning instead.
 */
import { appendBounded, STATE_WINDOWS } from '../bounds';
import { isBuyerDocument } from '../documentKinds';
import { revisedNumber } from '../documentNumbers';
import type { Effect } from '../effectKinds';
import type { EventContext, FieldChange, OrderState, OrderWarning } from '../types';

/** Whether any document built from the order's values has gone out. */
export function documentsIssued(state: OrderState): boolean {
  return state.documents.copiesSentAt !== null || state.documents.dispatchedAt !== null;
}

export function reviseDocuments(
  state: OrderState,
  changes: FieldChange[],
  reason: string,
  ctx: EventContext,
): { state: OrderState; effects: Effect[]; summary: string } {
  const d = state.documents;
  const previous = d.revision ?? 0;
  const revision = previous + 1;
  const items = d.items.map((item) =>
    isBuyerDocument(item.kind)
      ? { ...item, reference: revisedNumber(firstIssue(item.reference, previous), revision) }
      : item,
  );
  const entry = { revision, at: ctx.now, by: ctx.actor, reason, eventId: ctx.eventId ?? '', changes };
  const revisions = appendBounded(d.revisions ?? [], entry, STATE_WINDOWS.documentRevisions);

  const warnings: OrderWarning[] = [];
  const warn = (code: OrderWarning['code'], message: string) =>
    warnings.push({ code, message, since: ctx.now, eventId: ctx.eventId ?? '' });
  if (d.release.originals)
    warn(
      'ORIGINALS_NOT_RECALLED',
      `The original documents couriered on ${d.release.originals.sentAt.slice(0, 10)} (${d.release.originals.trackingNo}) show the values before revision ${revision}; they are not recalled`,
    );
  const bank = bankHolding(state);
  if (bank)
    warn(
      'BANK_HOLDS_EARLIER_DOCUMENTS',
      `${bank} holds documents from before revision ${revision}: tell the bank`,
    );

  // The customer gets the revision as they had the set: originals by email again, else copies.
  const resend: Effect[] =
    d.dispatchedAt && d.releasedVia === 'DIRECT' && !d.release.originals
      ? [{ type: 'dispatchDocuments' }]
      : [{ type: 'sendDocumentCopies' }];
  return {
    state: {
      ...state,
      documents: { ...d, items, revision, revisions },
      warnings: [...(state.warnings ?? []), ...warnings].slice(-STATE_WINDOWS.warnings),
    },
    effects: resend,
    summary: `documents re-issued as revision ${revision}`,
  };
}

/** The number a document was first issued under: its reference less the previous revision's suffix. */
function firstIssue(reference: string, previous: number): string {
  const suffix = revisedNumber('', previous);
  return previous > 0 && reference.endsWith(suffix) ? reference.slice(0, -suffix.length) : reference;
}

function bankHolding(state: OrderState): string | null {
  const lc = state.payments.letterOfCredit;
  if (lc?.presentedAt)
    return `The bank the documents were presented to (${lc.presentingBank ?? 'the nominated bank'})`;
  const collection = state.payments.collection;
  if (collection) return `The remitting bank (${collection.remittingBank})`;
  return null;
}
