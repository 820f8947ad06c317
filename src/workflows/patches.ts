/**
 * patched() ids, one per change of the command sequence, oldest first. Each stays in the code until
 * no order that started before it is still open (then deprecatePatch(), then removal); see the
 * README, "Changing workflow code safely".
 */

/** v2: no stall timer is started for the reminder that is being sent (v1 started and cancelled one). */
export const QUIET_STALL_TIMER_WHILE_REMINDING = 'quiet-stall-timer-while-reminding';

/**
 * v3: the memo's `updatedAt` is no longer upserted after every event. A memo upsert made while an
 * activity result and an update arrived together replayed in a different place than it was
 * recorded (nondeterminism found by the chaos run, bench/results/chaos-nondeterminism-history.json);
 * the list's `updatedAt` now comes from visibility alone.
 */
export const NO_MEMO_UPDATED_AT = 'no-memo-updated-at';

/**
 * v4: an update decides only after the activity results delivered with it have been applied. Core
 * hands updates to the workflow before activity results within one activation, and the results
 * land in promise callbacks afterwards; a live worker can get the two in separate activations,
 * while replay gets them in one, so an update could be decided on different state on replay
 * (nondeterminism found by the chaos run: GOODS_RELEASED right after the dispatch email finished,
 * bench/results/chaos-update-order-nondeterminism-history.json; that run began before v4 and so
 * still fails to replay: a run like it needs a reset to the task before).
 */
export const UPDATES_AFTER_ACTIVITY_RESULTS = 'updates-after-activity-results';
