import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { sniffContentType, zipEntryNames } from '../../src/domain/fileType';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

interface Entry {
  name: string;
  data: string;
}

/** A real ZIP archive (deflated entries, central directory, end record), as Office writes one. */
function zip(entries: Entry[], options: { dataDescriptor?: boolean; comment?: string } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = deflateRawSync(Buffer.from(entry.data));
    const flags = options.dataDescriptor ? 0x08 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(options.dataDescriptor ? 0 : data.length, 18);
    local.writeUInt32LE(options.dataDescriptor ? 0 : entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const descriptor = options.dataDescriptor ? Buffer.alloc(16) : Buffer.alloc(0);
    if (options.dataDescriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(data.length, 8);
      descriptor.writeUInt32LE(entry.data.length, 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    const part = Buffer.concat([local, name, data, descriptor]);
    locals.push(part);
    centrals.push(Buffer.concat([central, name]));
    offset += part.length;
  }
  const directory = Buffer.concat(centrals);
  const comment = Buffer.from(options.comment ?? '', 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return new Uint8Array(Buffer.concat([...locals, directory, end, comment]));
}

const CONTENT_TYPES: Entry = { name: '[Content_Types].xml', data: '<Types/>' };
const xlsx = (options?: Parameters<typeof zip>[1]) =>
  zip(
    [
      CONTENT_TYPES,
      { name: '_rels/.rels', data: '<Relationships/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>' },
    ],
    options,
  );
const docx = () =>
  zip([CONTENT_TYPES, { name: 'word/document.xml', data: '<w:document/>' }], { comment: 'made by hand' });

describe('the type of a file, by its bytes', () => {
  it.each([
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'application/pdf'],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'image/png'],
    ['a JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), 'image/jpeg'],
    ['an XLSX', xlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    [
      'an XLSX whose sizes follow the data',
      xlsx({ dataDescriptor: true }),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    ['a DOCX', docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ])('knows %s', (_what, file, type) => {
    expect(sniffContentType(file)).toBe(type);
  });

  it.each([
    ['text named .pdf', bytes('this is not a PDF, whatever its name says')],
    ['an empty file', new Uint8Array()],
    ['a PDF magic cut short', bytes('%PDF')],
    ['a PDF magic further in', bytes(' %PDF-1.4')],
    ['a GIF', bytes('GIF89a\x01\x00')],
    ['an HTML page', bytes('<!doctype html><script>alert(1)</script>')],
    ['a plain ZIP', zip([{ name: 'readme.txt', data: 'hello' }])],
    [
      'a ZIP with both xl/ and word/',
      zip([
        { name: 'xl/a.xml', data: 'a' },
        { name: 'word/b.xml', data: 'b' },
      ]),
    ],
    ['a ZIP header alone', new Uint8Array([0x50, 0x4b, 0x03, 0x04])],
    ['a truncated XLSX', xlsx().slice(0, 40)],
  ])('refuses %s', (_what, file) => {
    expect(sniffContentType(file)).toBeNull();
  });

  it('reads the entry names from the central directory, else from the local headers', () => {
    expect(zipEntryNames(docx())).toEqual(['[Content_Types].xml', 'word/document.xml']);
    const withoutDirectory = xlsx().slice(0, 200);
    expect(zipEntryNames(withoutDirectory)[0]).toBe('[Content_Types].xml');
    // The names in an XLSX sit far beyond the first bytes; the local headers reach them without the directory.
    const file = xlsx();
    const end = file.length - 22;
    expect(zipEntryNames(file.slice(0, end))).toEqual(expect.arrayContaining(['xl/workbook.xml']));
  });

  it('never throws, whatever the bytes (ZIP-looking ones included)', () => {
    const zipLike = fc
      .uint8Array({ maxLength: 400 })
      .map((tail) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]));
    const damaged = fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([at, noise]) => {
      const file = xlsx();
      file.set(noise.slice(0, file.length), at % (file.length - noise.length));
      return file;
    });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 400 }), zipLike, damaged), (file) => {
        const type = sniffContentType(file);
        expect(type === null || typeof type === 'string').toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
