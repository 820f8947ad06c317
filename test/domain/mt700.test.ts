import { parseMt700, parseMt707, readTags, swiftAmount, swiftDate } from '../../src/domain/mt700';

/** A German buyer's bank, with the SWIFT header blocks as the advising bank forwards them. */
const DEUTSCHE = `{1:F01BKCHCNBJA940000000000}{2:O7001012261201DEUTDEFFAXXX00000000002612011012N}{4:
:27:1/1
:40A:IRREVOCABLE
:20:DE26LC004711
:31C:261201
:40E:UCP LATEST VERSION
:31D:270215CHINA
:50:ACME GMBH
HAFENSTRASSE 1, 20457 HAMBURG
:59:NINGBO HAITIAN LIGHTING CO., LTD.
:32B:USD14000,00
:39A:05/05
:41D:ANY BANK BY NEGOTIATION
:43P:NOT ALLOWED
:43T:ALLOWED
:44E:NINGBO, CHINA
:44F:HAMBURG, GERMANY
:44C:270131
:45A:2000 PCS 40W LED PANEL LIGHT
CIF HAMBURG INCOTERMS 2020
:46A:+SIGNED COMMERCIAL INVOICE IN 3 ORIGINALS
+FULL SET CLEAN ON BOARD OCEAN BILLS OF LADING
+INSURANCE POLICY FOR 110 PCT OF CIF VALUE
:47A:+ALL DOCUMENTS MUST INDICATE THIS CREDIT NUMBER
:48:21/FROM THE DATE OF SHIPMENT
:49:WITHOUT
:52A:DEUTDEFF
-}`;

/** A Russian importer's credit: 52D with a Cyrillic address, the older free text in 48, CRLF lines. */
const SBERBANK = [
  ':27:1/1',
  ':40A:IRREVOCABLE',
  ':20:RU0071-2027',
  ':31C:270110',
  ':31D:270430MOSCOW',
  ':32B:EUR98500,5',
  ':43P:ALLOWED',
  ':43T:NOT ALLOWED',
  ':44E:SHANGHAI PORT',
  ':44F:SAINT PETERSBURG',
  ':44C:270331',
  ':45A:GARDEN FURNITURE SETS AS PER CONTRACT NO. SC-2027-005',
  ':48:DOCUMENTS TO BE PRESENTED WITHIN 15 DAYS AFTER THE DATE OF SHIPMENT',
  ':52D:ПАО СБЕРБАНК',
  'УЛ. ВАВИЛОВА 19, МОСКВА',
].join('\r\n');

/** A shipment period (44D) instead of a latest date; no issuing bank tag (only the sender's header). */
const PERIOD = `:20:AE-LC-88120
:31C:261115
:31D:270120DUBAI
:32B:USD51234,56
:44D:SHIPMENT DURING JANUARY 2027
:45A:STAINLESS STEEL COOKWARE
:46A:COMMERCIAL INVOICE`;

/** The smallest credit that reads: mandatory tags only. */
const MINIMAL = `:20:MIN1
:31C:270101
:31D:270301HONG KONG
:32B:HKD1,
:45A:SAMPLES`;

/** An amendment (MT707) of the German credit: new expiry, later shipment, amount increased. */
const AMENDMENT = `{4:
:20:DE26LC004711
:21:DE26LC004711
:26E:1
:31E:270315
:44C:270228
:32B:USD700,00
-}`;

describe('MT700: a credit from the SWIFT text', () => {
  it('reads every tag the order needs from a full message with headers', () => {
    const parsed = parseMt700(DEUTSCHE);
    expect(parsed).toEqual({
      ok: true,
      value: {
        lcNo: 'DE26LC004711',
        issueDate: '2026-12-01',
        expiryDate: '2027-02-15',
        expiryPlace: 'CHINA',
        amount: { amount: '14000.00', currency: 'USD' },
        tolerance: { plusPercent: 5, minusPercent: 5 },
        partialShipments: 'NOT_ALLOWED',
        transhipment: 'ALLOWED',
        latestShipmentDate: '2027-01-31',
        shipmentPeriod: null,
        portOfLoading: 'NINGBO, CHINA',
        portOfDischarge: 'HAMBURG, GERMANY',
        goodsDescription: '2000 PCS 40W LED PANEL LIGHT\nCIF HAMBURG INCOTERMS 2020',
        documentsRequired:
          '+SIGNED COMMERCIAL INVOICE IN 3 ORIGINALS\n+FULL SET CLEAN ON BOARD OCEAN BILLS OF LADING\n+INSURANCE POLICY FOR 110 PCT OF CIF VALUE',
        additionalConditions: '+ALL DOCUMENTS MUST INDICATE THIS CREDIT NUMBER',
        presentationDays: 21,
        issuingBank: 'DEUTDEFF',
      },
    });
  });

  it('reads CRLF lines, a one-decimal amount, 52D in Cyrillic and the older wording of 48', () => {
    const parsed = parseMt700(SBERBANK);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.value).toMatchObject({
      lcNo: 'RU0071-2027',
      amount: { amount: '98500.50', currency: 'EUR' },
      tolerance: null,
      partialShipments: 'ALLOWED',
      transhipment: 'NOT_ALLOWED',
      presentationDays: 15,
      issuingBank: 'ПАО СБЕРБАНК, УЛ. ВАВИЛОВА 19, МОСКВА',
    });
  });

  it('leaves to the caller what the message does not hold: a 44D period, the issuing bank', () => {
    const parsed = parseMt700(PERIOD);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.value.latestShipmentDate).toBeNull();
    expect(parsed.value.shipmentPeriod).toBe('SHIPMENT DURING JANUARY 2027');
    expect(parsed.value.issuingBank).toBeNull();
    expect(parsed.value.presentationDays).toBeNull();
    expect(parsed.value.amount).toEqual({ amount: '51234.56', currency: 'USD' });
  });

  it('reads a message of the mandatory tags only', () => {
    const parsed = parseMt700(MINIMAL);
    expect(parsed.ok && parsed.value.amount).toEqual({ amount: '1.00', currency: 'HKD' });
    expect(parsed.ok && parsed.value.partialShipments).toBeNull();
  });

  const without = (tag: string) => DEUTSCHE.replace(new RegExp(`^:${tag}:.*$`, 'm'), '');
  const replaced = (tag: string, value: string) =>
    DEUTSCHE.replace(new RegExp(`^:${tag}:.*$`, 'm'), `:${tag}:${value}`);

  it.each(['20', '31C', '31D', '32B', '45A'])('names a missing mandatory tag %s', (tag) => {
    const message = tag === '45A' ? without(tag).replace(/^CIF HAMBURG.*$/m, '') : without(tag);
    expect(parseMt700(message)).toEqual({
      ok: false,
      problems: expect.arrayContaining([{ tag, message: 'mandatory tag missing' }]) as unknown[],
    });
  });

  it.each([
    ['20', 'THIS-REFERENCE-IS-FAR-TOO-LONG', '16 SWIFT characters'],
    ['31C', '261301', 'YYMMDD'],
    ['31D', '27021', 'YYMMDD'],
    ['31D', '270230CHINA', 'YYMMDD'],
    ['32B', 'USD14000.00', 'currency and a positive amount'],
    ['32B', 'USD0,00', 'currency and a positive amount'],
    ['32B', '14000,00', 'currency and a positive amount'],
    ['32B', 'USD14000,001', 'currency and a positive amount'],
    ['39A', '5 PCT', 'plus/minus percent'],
    ['43P', 'MAYBE', 'ALLOWED, NOT ALLOWED or CONDITIONAL'],
    ['43T', '', 'ALLOWED, NOT ALLOWED or CONDITIONAL'],
    ['44C', 'END OF JANUARY', 'YYMMDD'],
    ['48', 'PROMPTLY', 'days for presentation'],
    ['48', '400/DAYS', 'days for presentation'],
    ['52A', 'DEUTSCHE BANK', 'BIC'],
  ])('names the bad tag %s (%s)', (tag, value, reason) => {
    const parsed = parseMt700(replaced(tag, value));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toContainEqual({ tag, message: expect.stringContaining(reason) as string });
  });

  it('refuses a tag twice, 44C with 44D, 52A with 52D, and dates out of order', () => {
    const twice = parseMt700(`${MINIMAL}\n:20:AGAIN`);
    expect(!twice.ok && twice.problems).toContainEqual({ tag: '20', message: 'appears more than once' });
    const both = parseMt700(`${MINIMAL}\n:44C:270201\n:44D:FEBRUARY`);
    expect(!both.ok && both.problems).toContainEqual({
      tag: '44D',
      message: expect.stringContaining('44C') as string,
    });
    const banks = parseMt700(`${MINIMAL}\n:52A:DEUTDEFF\n:52D:DEUTSCHE BANK`);
    expect(!banks.ok && banks.problems).toContainEqual({
      tag: '52D',
      message: expect.stringContaining('52A') as string,
    });
    const early = parseMt700(MINIMAL.replace(':31D:270301', ':31D:261201'));
    expect(!early.ok && early.problems).toEqual([
      { tag: '31D', message: 'expiry before the date of issue (31C)' },
    ]);
    const late = parseMt700(`${MINIMAL}\n:44C:270401`);
    expect(!late.ok && late.problems).toEqual([
      { tag: '44C', message: 'latest shipment date after the expiry (31D)' },
    ]);
  });

  it('refuses a text too long to be a credit', () => {
    const parsed = parseMt700(`${MINIMAL}\n:47A:${'X'.repeat(20_000)}`);
    expect(!parsed.ok && parsed.problems[0].tag).toBe('mt700');
  });

  it('reads SWIFT dates and amounts', () => {
    expect(swiftDate('270229')).toBeNull();
    expect(swiftDate('280229')).toBe('2028-02-29');
    expect(swiftDate('991231')).toBe('1999-12-31');
    expect(swiftAmount('JPY1500000,')).toEqual({ amount: '1500000.00', currency: 'JPY' });
    expect(swiftAmount('USD007,5')).toEqual({ amount: '7.50', currency: 'USD' });
    expect(readTags('no tags here').tags.size).toBe(0);
  });
});

describe('MT707: the changes of an amendment', () => {
  it('reads the amendment number, new dates and the increase', () => {
    expect(parseMt707(AMENDMENT)).toEqual({
      ok: true,
      value: {
        lcNo: 'DE26LC004711',
        amendmentNo: 1,
        expiryDate: '2027-03-15',
        latestShipmentDate: '2027-02-28',
        increase: { amount: '700.00', currency: 'USD' },
      },
    });
  });

  it('names its bad tags', () => {
    const parsed = parseMt707(':26E:FIRST\n:31E:27031\n:33B:USD-5,00');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.map((p) => p.tag)).toEqual(['20', '26E', '31E', '33B']);
  });
});
