/** The receivables report's day: the pattern the API documents accepts exactly the days validation does. */
import { z } from 'zod';
import { receivablesQuerySchema } from '../../src/domain/schemas/reports';

const documented = z.toJSONSchema(receivablesQuerySchema, { io: 'input' }) as {
  properties: { asOf: { pattern: string } };
};
const pattern = new RegExp(documented.properties.asOf.pattern);

describe('receivables asOf', () => {
  it.each([
    ['1900-00-00', false],
    ['2027-04-31', false],
    ['2027-02-29', false],
    ['1900-02-29', false],
    ['2100-02-29', false],
    ['1899-12-31', false],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['2027-12-31', true],
  ])('%s: documented and accepted alike (%s)', (asOf, valid) => {
    expect(pattern.test(asOf)).toBe(valid);
    expect(receivablesQuerySchema.safeParse({ asOf }).success).toBe(valid);
  });
});
