/**
 * China's unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from an
 * alphabet without I, O, S, V and Z; the last is a check character over the first 17, weighted by
 * powers of 3 modulo 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character the first 17 characters call for; null when one is outside the alphabet. */
export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Why a text is not a valid unified social credit code; null when it is one. */
export function usccProblem(code: string): string | null {
  if (code.length !== 18) return 'must be 18 characters';
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return 'only digits and capitals other than I, O, S, V, Z';
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (expected !== code[17]) return `check character must be ${expected} (GB 32100-2015)`;
  return null;
}

export const isValidUscc = (code: string): boolean => usccProblem(code) === null;
