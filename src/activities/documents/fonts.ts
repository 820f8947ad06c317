import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';

/**
 * The fonts documents print with, embedded (pdfkit subsets them to the glyphs used): Noto Sans for
 * Latin, Cyrillic and Greek, Noto Sans SC (all of GB 2312, so the 3,500 common characters) for
 * Chinese and whatever else Noto Sans lacks. Both OFL, from pinned npm packages.
 */
export type FontStyle = 'regular' | 'bold';
type Family = 'latin' | 'cjk';

const FILES: Record<Family, Record<FontStyle, string>> = {
  latin: {
    regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  },
  cjk: {
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
};

/** Fallback order: the first family that has every glyph of a text prints it. */
const FAMILIES: readonly Family[] = ['latin', 'cjk'];

// Read once per process: the CJK files are 10 MB each.
const buffers = new Map<string, Buffer>();
const coverage = new Map<Family, Font>();

function fileOf(family: Family, style: FontStyle): Buffer {
  const path = FILES[family][style];
  let buffer = buffers.get(path);
  if (!buffer) {
    buffer = readFileSync(require.resolve(path));
    buffers.set(path, buffer);
  }
  return buffer;
}

function coverageOf(family: Family): Font {
  let font = coverage.get(family);
  if (!font) {
    // Both weights of a family cover the same characters.
    font = create(fileOf(family, 'regular'));
    coverage.set(family, font);
  }
  return font;
}

const fontName = (family: Family, style: FontStyle): string => `${family}-${style}`;

/** Makes the fonts known to a new document under their names. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const family of FAMILIES)
    for (const style of ['regular', 'bold'] as const)
      doc.registerFont(fontName(family, style), fileOf(family, style));
}

/** Whether a font family can draw every visible character of the text. */
function covers(family: Family, text: string): boolean {
  const font = coverageOf(family);
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint > 0x20 && !font.hasGlyphForCodePoint(codePoint)) return false;
  }
  return true;
}

/**
 * The registered font name to draw `text` in: Noto Sans when it has every glyph, else Noto Sans SC
 * (which also draws Latin and Cyrillic), so a Chinese company name never prints as empty boxes.
 */
export function fontFor(text: string, style: FontStyle): string {
  const family = FAMILIES.find((f) => covers(f, text)) ?? 'cjk';
  return fontName(family, style);
}
