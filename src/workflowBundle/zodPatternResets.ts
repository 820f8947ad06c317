/**
 * A webpack loader for zod's core in the workflow bundle: `pattern.lastIndex = 0` becomes
 * `if (pattern.global || pattern.sticky) pattern.lastIndex = 0`. `test` on a pattern that is
 * neither ignores `lastIndex`, so the behaviour is the same, and a frozen pattern no longer
 * throws. A zod release that reworded the reset fails the bundle here instead of every order.
 */
const RESET = /([\w$.]+)\.lastIndex = 0;/g;

export default function zodPatternResets(this: { resourcePath: string }, source: string): string {
  let resets = 0;
  const patched = source.replace(RESET, (_reset, pattern: string) => {
    resets += 1;
    return `if (${pattern}.global || ${pattern}.sticky) ${pattern}.lastIndex = 0;`;
  });
  if (resets === 0) {
    throw new Error(
      `${this.resourcePath}: zod no longer resets lastIndex as expected; see src/workflowBundle`,
    );
  }
  return patched;
}
