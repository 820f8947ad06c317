// The next release in the upgrade rehearsal: the build after this one ships one more change behind
// its patch. It stands in for src/workflows/releases.ts, so it exports what that module does.
export const RELEASE_PATCHES: readonly string[] = ['r1.1-read-model-from-answers', 'rehearsal-next'];

export const READ_MODEL_FROM_ANSWERS = 'r1.1-read-model-from-answers';
