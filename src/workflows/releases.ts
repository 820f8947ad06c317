/**
 * The releases after 1.0 whose changes alter the workflow's commands, oldest first: each is a
 * Temporal patch id. A change that alters commands ships behind its release's patch; the order's
 * run reads the patches once, when it starts (`releasePatchesOf`), and keeps that behaviour to its
 * end, so an order under way on an older build finishes as it began and takes the new behaviour
 * from its next run (continue-as-new). Every release's histories are recorded (HISTORY_VERSION)
 * and replayed in CI beside 1.0's. docs/releases.md has the recipe.
 */
export const RELEASE_PATCHES: readonly string[] = ['r1.1-read-model-from-answers'];

/**
 * 1.1: an event's answer carries its records, not the whole order (the API writes them to the read
 * model and reads the order by query), and the read model's own write waits a moment in its
 * activity, so a burst of events is one write. docs/decisions/0009-read-model-from-answers.md.
 */
export const READ_MODEL_FROM_ANSWERS = 'r1.1-read-model-from-answers';
