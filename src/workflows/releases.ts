/**
 * The releases after 1.0 whose changes alter the workflow's commands, oldest first: each is a
 * Temporal patch id. A change that alters commands ships behind its release's patch; the order's
 * run reads the patches once, when it starts (`releasePatchesOf`), and keeps that behaviour to its
 * end, so an order under way on an older build finishes as it began and takes the new behaviour
 * from its next run (continue-as-new). Every release's histories are recorded (HISTORY_VERSION)
 * and replayed in CI beside 1.0's. docs/releases.md has the recipe.
 */
export const RELEASE_PATCHES: readonly string[] = [];
