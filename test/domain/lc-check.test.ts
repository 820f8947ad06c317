import { checkPresentation, type PresentationForCheck } from '../../src/domain/lcCheck';

const usd = (amount: string) => ({ amount, currency: 'USD' });

/** A clean presentation under a CIF credit: every rule holds. */
const clean = (): PresentationForCheck => ({
  credit: {
    amount: usd('14000.00'),
    tolerance: { plusPercent: 5, minusPercent: 5 },
    expiryDate: '2027-02-15',
    latestShipmentDate: '2027-01-31',
    presentationDays: 21,
    partialShipments: 'NOT_ALLOWED',
    transhipment: 'NOT_ALLOWED',
    portOfLoading: 'NINGBO, CHINA',
    portOfDischarge: 'HAMBURG',
    goodsDescription: '2000 PCS 40W LED PANEL LIGHT CIF HAMBURG',
  },
  presentedOn: '2027-01-25',
  invoiceAmount: usd('14000.00'),
  invoiceLines: [{ description: '40W LED panel light' }],
  shippedOn: '2027-01-20',
  portOfLoading: 'Ningbo',
  portOfDischarge: 'Hamburg, Germany',
  partial: false,
  transhipped: false,
  insurance: { insuredAmount: usd('15400.00'), issuedOn: '2027-01-19' },
  insuredValue: usd('14000.00'),
});

const rules = (p: PresentationForCheck) => checkPresentation(p).map((d) => d.rule);

describe('lc-check: the documents against the credit, rule by rule', () => {
  it('finds nothing in a clean presentation', () => {
    expect(checkPresentation(clean())).toEqual([]);
  });

  it('LC-31D: presented after the expiry', () => {
    expect(rules({ ...clean(), presentedOn: '2027-02-16' })).toContain('LC-31D');
    expect(rules({ ...clean(), presentedOn: '2027-02-15', shippedOn: '2027-01-30' })).toEqual([]);
  });

  it("UCP600-14c: presented more than the credit's days after shipment", () => {
    const late = {
      ...clean(),
      shippedOn: '2027-01-02',
      presentedOn: '2027-01-24',
      insurance: { insuredAmount: usd('15400.00'), issuedOn: '2027-01-01' },
    };
    expect(checkPresentation(late)).toEqual([
      expect.objectContaining({
        rule: 'UCP600-14c',
        message: expect.stringContaining('2027-01-23') as string,
      }),
    ]);
    expect(rules({ ...late, presentedOn: '2027-01-23' })).toEqual([]);
  });

  it('LC-44C: shipped after the latest shipment date', () => {
    expect(checkPresentation({ ...clean(), shippedOn: '2027-02-01', presentedOn: '2027-02-02' })).toEqual([
      expect.objectContaining({ rule: 'LC-44C', document: 'bill-of-lading', field: 'issuedOn' }),
    ]);
  });

  it('UCP600-20: no B/L yet', () => {
    expect(rules({ ...clean(), shippedOn: null })).toEqual(['UCP600-20']);
  });

  it('UCP600-30: drawn beyond the amount and its tolerance', () => {
    expect(rules({ ...clean(), invoiceAmount: usd('14700.00') })).toEqual([]);
    expect(rules({ ...clean(), invoiceAmount: usd('14700.01') })).toEqual(['UCP600-30']);
    const noTolerance = { ...clean(), credit: { ...clean().credit, tolerance: null } };
    expect(rules({ ...noTolerance, invoiceAmount: usd('14000.01') })).toEqual(['UCP600-30']);
  });

  it('LC-32B: the invoice in another currency', () => {
    expect(rules({ ...clean(), invoiceAmount: { amount: '14000.00', currency: 'EUR' } })).toEqual(['LC-32B']);
  });

  it('UCP600-31: a partial shipment where 43P forbids it', () => {
    expect(rules({ ...clean(), partial: true })).toEqual(['UCP600-31']);
    const allowed = { ...clean(), credit: { ...clean().credit, partialShipments: 'ALLOWED' as const } };
    expect(rules({ ...allowed, partial: true })).toEqual([]);
  });

  it('UCP600-20c: transhipment where 43T forbids it', () => {
    expect(rules({ ...clean(), transhipped: true })).toEqual(['UCP600-20c']);
  });

  it('LC-44E / LC-44F: other ports than the credit names', () => {
    expect(rules({ ...clean(), portOfLoading: 'Shanghai' })).toEqual(['LC-44E']);
    expect(rules({ ...clean(), portOfDischarge: null })).toEqual(['LC-44F']);
    const any = { ...clean(), credit: { ...clean().credit, portOfLoading: 'ANY CHINESE PORT' } };
    expect(rules({ ...any, portOfLoading: 'Shanghai' })).toEqual([]);
  });

  it('UCP600-28: insurance missing, under 110 %, in another currency, or dated after shipment', () => {
    expect(rules({ ...clean(), insurance: null })).toEqual(['UCP600-28']);
    expect(
      checkPresentation({
        ...clean(),
        insurance: { insuredAmount: usd('15399.99'), issuedOn: '2027-01-19' },
      }),
    ).toEqual([expect.objectContaining({ rule: 'UCP600-28', field: 'insuredAmount' })]);
    expect(
      checkPresentation({
        ...clean(),
        insurance: { insuredAmount: { amount: '99999.00', currency: 'EUR' }, issuedOn: '2027-01-19' },
      }),
    ).toEqual([expect.objectContaining({ rule: 'UCP600-28', field: 'currency' })]);
    expect(
      checkPresentation({
        ...clean(),
        insurance: { insuredAmount: usd('15400.00'), issuedOn: '2027-01-21' },
      }),
    ).toEqual([expect.objectContaining({ rule: 'UCP600-28', field: 'issuedOn' })]);
    // FOB: the seller presents no insurance document.
    expect(rules({ ...clean(), insurance: undefined })).toEqual([]);
  });

  it('UCP600-18c: an invoice line the goods description of 45A does not cover', () => {
    expect(
      checkPresentation({
        ...clean(),
        invoiceLines: [{ description: '40W LED panel' }, { description: 'Power supply 12V' }],
      }),
    ).toEqual([
      expect.objectContaining({
        rule: 'UCP600-18c',
        field: 'lines[1].description',
        message: expect.stringContaining('POWER, SUPPLY, 12V') as string,
      }),
    ]);
  });
});
