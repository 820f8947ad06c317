import { patched, upsertMemo } from '@temporalio/workflow';
import { RELEASE_PATCHES } from './releases';

/**
 * The releases this run follows, read once at its start: a run replayed from a history without a
 * release's marker keeps the older behaviour throughout. The newest one is kept in the memo, so the
 * Temporal UI shows which release each order runs.
 */
export function releasePatchesOf(): ReadonlySet<string> {
  const followed = new Set(RELEASE_PATCHES.filter((id) => patched(id)));
  const newest = [...followed].at(-1);
  if (newest) upsertMemo({ release: newest });
  return followed;
}
