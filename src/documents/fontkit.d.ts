/** The part of fontkit (pdfkit's font engine) the documents use: opened fonts and their glyphs. */
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Buffer): Font;
}

declare namespace PDFKit.Mixins {
  interface PDFFont {
    /** pdfkit also takes a font fontkit has opened (its PDFFontFactory.open). */
    registerFont(name: string, src: import('fontkit').Font): this;
  }
}
