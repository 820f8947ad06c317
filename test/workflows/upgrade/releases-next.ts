// The next release in the upgrade rehearsal: the build after 1.0 ships one change behind its patch.
export const RELEASE_PATCHES: readonly string[] = ['rehearsal-1.1'];
