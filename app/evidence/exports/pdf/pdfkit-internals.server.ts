// The two places where the evidence PDF reaches past pdfkit's public API, kept together so that
// an upgrade has one file to check. Both fail loudly if pdfkit's shape changes.

type Doc = PDFKit.PDFDocument

/** pdfkit's wrapper of an embedded font: its resource name, subset encoder and dictionary. */
interface EmbeddedFont {
  id: string
  encode: (text: string) => [string[], unknown[]]
  ref: () => PDFKit.PDFKitReference
  layoutCache?: Record<string, unknown>
}

interface DocInternals {
  _font?: EmbeddedFont
  _fontFamilies?: Record<string, EmbeddedFont>
}

/** The font set by the last `doc.font()`, for text written outside a page's content stream. */
export function currentEmbeddedFont(doc: Doc): EmbeddedFont {
  const font = (doc as unknown as DocInternals)._font
  if (!font || typeof font.encode !== 'function' || typeof font.ref !== 'function') {
    throw new Error('pdfkit no longer exposes the current font as expected')
  }
  return font
}

/**
 * Empties each font's cache of laid-out words. pdfkit keeps every distinct word it has shaped,
 * and an appendix of 50,000 references and addresses is 50,000 distinct words: without this the
 * cache, not the rows, would fill the memory (pdfkit issue #1527). Common words are shaped
 * again on the next page, which costs little.
 */
export function forgetLaidOutWords(doc: Doc): void {
  const families = (doc as unknown as DocInternals)._fontFamilies
  if (!families) throw new Error('pdfkit no longer exposes its fonts as expected')
  for (const font of Object.values(families)) {
    if (font.layoutCache) font.layoutCache = Object.create(null) as Record<string, unknown>
  }
}
