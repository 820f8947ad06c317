import { companyProfileSchema } from '../../src/domain/companyProfile';
import { isValidUscc, usccCheckCharacter, usccProblem } from '../../src/domain/uscc';
import { z } from '../../src/domain/zod';

/** The example of GB 32100-2015's annex and codes computed the same way. */
const VALID = ['91350100M000100Y43', '91330200MA2H0NG86E', '91110000100013005N'];

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes whose check character fits', () => {
    for (const code of VALID) expect(usccProblem(code)).toBeNull();
  });

  it('refuses a wrong check character and says which one fits', () => {
    expect(usccProblem('91350100M000100Y44')).toBe('check character must be 3 (GB 32100-2015)');
  });

  it('refuses letters outside the alphabet and wrong lengths', () => {
    expect(usccProblem('91350100M000100Y4')).toBe('must be 18 characters');
    expect(usccProblem('91350100I000100Y43')).toMatch(/other than I, O, S, V, Z/);
    expect(usccProblem('91350100m000100y43')).toMatch(/capitals/);
    expect(usccCheckCharacter('9135010OM000100Y4')).toBeNull();
  });

  it('catches every single changed character (the weights are powers of 3 mod 31)', () => {
    const code = VALID[0];
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 17; i += 1) {
      for (const c of alphabet) {
        if (c === code[i]) continue;
        expect(isValidUscc(code.slice(0, i) + c + code.slice(i + 1))).toBe(false);
      }
    }
  });
});

describe('company profile schema', () => {
  const profile = {
    name: 'Ningbo Haitian Lighting Co., Ltd.',
    localName: '宁波海天照明有限公司',
    address: '88 Haitian Road, Beilun, Ningbo, China',
    uscc: VALID[1],
    customsCode: '3302960ABC',
    chopPng: 'iVBORw0KGgoAAAANSUhEUg==',
    timeZone: 'Asia/Shanghai',
    documentGate: true,
  };

  it('takes a complete profile', () => {
    expect(z.safeParse(companyProfileSchema, profile).success).toBe(true);
  });

  it.each([
    ['uscc', '91350100M000100Y44', 'check character'],
    ['customsCode', '330296', '10 digits'],
    ['chopPng', '/9j/4AAQSkZJRg==', 'PNG'],
  ])('refuses a bad %s', (field, value, reason) => {
    const result = z.safeParse(companyProfileSchema, { ...profile, [field]: value });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(reason);
  });
});
