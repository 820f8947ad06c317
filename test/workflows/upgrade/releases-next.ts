// The next release in the upgrade rehearsal: the build after 1.0 ships one change behind its patch.
export const RELEASE_PATCHES: readonly string[] = ['r1.1-read-model-from-answers', 'rehearsal-next'];
