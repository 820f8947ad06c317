import type { ScopedPool } from './scopedPool';

/** One row of the company's export VAT rebate table (GET/PUT /company/rebate-rates). */
export interface RebateRateRow {
  hsCode: string;
  rate: string;
  description?: string;
}

/** The company's rebate rates by HS code, in PostgreSQL (migrations/1795000000000_customers.sql). */
export interface RebateRateStore {
  /** The whole table, by HS code. */
  rebateRates(): Promise<RebateRateRow[]>;
  /** Replaces the whole table. */
  putRebateRates(rows: readonly RebateRateRow[]): Promise<void>;
  /** The rows whose code is the start of one of `hsCodes` (the order's): what its rebate needs. */
  rebateRatesFor(hsCodes: readonly string[]): Promise<RebateRateRow[]>;
}

interface Row {
  hs_code: string;
  rate: string;
  description: string | null;
}

const toRow = (r: Row): RebateRateRow => ({
  hsCode: r.hs_code,
  rate: r.rate,
  ...(r.description === null ? {} : { description: r.description }),
});

export function rebateRateStore({ query, transaction }: ScopedPool): RebateRateStore {
  return {
    async rebateRates() {
      return (await query<Row>('SELECT hs_code, rate, description FROM rebate_rates ORDER BY hs_code')).map(
        toRow,
      );
    },
    putRebateRates: (rows) =>
      transaction(async (client) => {
        await client.query('DELETE FROM rebate_rates');
        if (rows.length)
          await client.query(
            `INSERT INTO rebate_rates (hs_code, rate, description)
             SELECT r."hsCode", r.rate, r.description
             FROM jsonb_to_recordset($1::jsonb) AS r("hsCode" text, rate text, description text)`,
            [JSON.stringify(rows)],
          );
      }),
    async rebateRatesFor(hsCodes) {
      if (!hsCodes.length) return [];
      return (
        await query<Row>(
          `SELECT hs_code, rate, description FROM rebate_rates r
           WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS c(code) WHERE starts_with(c.code, r.hs_code))
           ORDER BY hs_code`,
          [hsCodes],
        )
      ).map(toRow);
    },
  };
}
