/**
 * What a file is, judged by its bytes (magic numbers), never by its name or the type a client
 * claims: PDF, PNG, JPEG, and the Office Open XML files (XLSX, DOCX), which are ZIP archives told
 * apart by the names of their entries (`xl/…` or `word/…`). Pure: bytes in, a type or null out.
 */

export const ATTACHMENT_CONTENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

const [PDF, PNG, JPEG, XLSX, DOCX] = ATTACHMENT_CONTENT_TYPES;

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_CENTRAL_HEADER = 0x02014b50;
const ZIP_END_OF_DIRECTORY = 0x06054b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const ZIP_END_SEARCH = 22 + 0xffff;
/** Enough entries to find `xl/` or `word/` in any real Office file; a bound on the work per upload. */
const MAX_ZIP_ENTRIES = 10_000;

/** The content type of `bytes` if it is one the desk keeps, else null. */
export function sniffContentType(bytes: Uint8Array): AttachmentContentType | null {
  if (startsWith(bytes, PDF_MAGIC)) return PDF;
  if (startsWith(bytes, PNG_MAGIC)) return PNG;
  if (startsWith(bytes, JPEG_MAGIC)) return JPEG;
  if (u32(bytes, 0) === ZIP_LOCAL_HEADER) return officeType(zipEntryNames(bytes));
  return null;
}

/** XLSX or DOCX by the archive's entries; an archive with both, or neither, is neither. */
function officeType(names: readonly string[]): AttachmentContentType | null {
  const sheet = names.some((n) => n.startsWith('xl/'));
  const text = names.some((n) => n.startsWith('word/'));
  if (sheet === text) return null;
  return sheet ? XLSX : DOCX;
}

/**
 * The entry names of a ZIP archive: from its central directory (the authoritative list), else by
 * walking the local file headers from the start while their sizes are known. Never throws.
 */
export function zipEntryNames(bytes: Uint8Array): string[] {
  return centralDirectoryNames(bytes) ?? localHeaderNames(bytes);
}

function centralDirectoryNames(bytes: Uint8Array): string[] | null {
  const end = findEndOfDirectory(bytes);
  if (end === null) return null;
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (count === null || at === null) return null;
  const names: string[] = [];
  for (let i = 0; i < Math.min(count, MAX_ZIP_ENTRIES); i++) {
    if (u32(bytes, at) !== ZIP_CENTRAL_HEADER) break;
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (nameLength === null || extraLength === null || commentLength === null) break;
    const name = ascii(bytes, at + 46, nameLength);
    if (name === null) break;
    names.push(name);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names.length ? names : null;
}

function findEndOfDirectory(bytes: Uint8Array): number | null {
  const lowest = Math.max(0, bytes.length - ZIP_END_SEARCH);
  for (let at = bytes.length - 22; at >= lowest; at--) if (u32(bytes, at) === ZIP_END_OF_DIRECTORY) return at;
  return null;
}

function localHeaderNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  let at = 0;
  while (names.length < MAX_ZIP_ENTRIES && u32(bytes, at) === ZIP_LOCAL_HEADER) {
    const flags = u16(bytes, at + 6);
    const compressedSize = u32(bytes, at + 18);
    const nameLength = u16(bytes, at + 26);
    const extraLength = u16(bytes, at + 28);
    if (flags === null || compressedSize === null || nameLength === null || extraLength === null) break;
    const name = ascii(bytes, at + 30, nameLength);
    if (name === null) break;
    names.push(name);
    // Bit 3: the sizes follow the data, so the next header cannot be found from here.
    if (flags & 0x08) break;
    at += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

function u16(bytes: Uint8Array, at: number): number | null {
  if (at < 0 || at + 2 > bytes.length) return null;
  return bytes[at] | (bytes[at + 1] << 8);
}

function u32(bytes: Uint8Array, at: number): number | null {
  if (at < 0 || at + 4 > bytes.length) return null;
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

/** The entry names that matter (`xl/`, `word/`) are ASCII; other bytes only need to read as something. */
function ascii(bytes: Uint8Array, at: number, length: number): string | null {
  if (at < 0 || at + length > bytes.length) return null;
  let name = '';
  for (let i = at; i < at + length; i++) name += String.fromCharCode(bytes[i]);
  return name;
}
