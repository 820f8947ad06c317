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

// Opened once per thread and shared by every document: fontkit decodes a font's tables on first use
// and keeps them, which for Noto Sans and Noto Sans SC cost about 20 ms per document when pdfkit
// opened the files afresh for each one. The CJK files are 10 MB each.
const fonts = new Map<string, Font>();

function fontOf(family: Family, style: FontStyle): Font {
  const path = FILES[family][style];
  let font = fonts.get(path);
  if (!font) {
    font = create(readFileSync(require.resolve(path)));
    fonts.set(path, font);
  }
  return font;
}

const fontName = (family: Family, style: FontStyle): string => `${family}-${style}`;

/** Makes the fonts known to a new document under their names (each document embeds its own subset). */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const family of FAMILIES)
    for (const style of ['regular', 'bold'] as const)
      doc.registerFont(fontName(family, style), fontOf(family, style));
}

/** Whether a font family can draw every visible character of the text. */
function covers(family: Family, text: string): boolean {
  // Both weights of a family cover the same characters.
  const font = fontOf(family, 'regular');
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
