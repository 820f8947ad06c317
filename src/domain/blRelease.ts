/**
 * How the carrier hands the goods to the buyer once we release the documents ourselves. A telex
 * release (电放) is asked of the forwarder and confirmed by it; original B/Ls are couriered to the
 * buyer. A sea waybill needs neither, and on the banks' route (L/C, D/P, D/A) the originals travel
 * with the banks, so there is no step of ours.
 */
import { documentsGoThroughBanks } from './paymentPlan';
import type { BlRelease, DocumentsState, OrderState } from './types';

export type ReleaseStep = 'TELEX_RELEASE' | 'ORIGINALS';

export const NO_RELEASE_YET: BlRelease = { telexRequestedAt: null, telexConfirmedAt: null, originals: null };

/** An order's (or a shipment's) documents before any went out. */
export const NO_DOCUMENTS_YET: DocumentsState = {
  copiesSentAt: null,
  confirmedAt: null,
  dispatchedAt: null,
  releasedVia: null,
  goodsReleasedAt: null,
  release: NO_RELEASE_YET,
  items: [],
};

/** The route the documents take: the one they took, else the one the plan would give them. */
function releaseRoute(state: OrderState): 'DIRECT' | 'BANK' | null {
  if (state.documents.releasedVia) return state.documents.releasedVia;
  const plan = state.payments.plan;
  if (!plan) return null;
  return documentsGoThroughBanks(plan) ? 'BANK' : 'DIRECT';
}

/** The release step this order's B/L calls for on our route; null when there is none. */
export function releaseStep(state: OrderState): ReleaseStep | null {
  const bl = state.shipping.billOfLading;
  if (!bl || releaseRoute(state) !== 'DIRECT') return null;
  if (bl.blType === 'TELEX_RELEASE') return 'TELEX_RELEASE';
  if (bl.blType === 'ORIGINAL') return 'ORIGINALS';
  return null;
}

/** Whether the carrier may hand the goods over as far as we are concerned. */
export function releaseStepDone(state: OrderState): boolean {
  switch (releaseStep(state)) {
    case 'TELEX_RELEASE':
      return state.documents.release.telexConfirmedAt !== null;
    case 'ORIGINALS':
      return state.documents.release.originals !== null;
    case null:
      return true;
  }
}

/** The documents are released (DOCUMENTS) and the release step still waits for `step`. */
export function awaitingRelease(state: OrderState, step: ReleaseStep): boolean {
  return state.stage === 'DOCUMENTS' && releaseStep(state) === step && !releaseStepDone(state);
}
