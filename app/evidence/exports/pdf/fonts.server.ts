import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import * as fontkit from 'fontkit'

// Noto Sans from node_modules, embedded (as a subset) in every PDF: a document that leaves the
// department must look the same on every machine, and PDF/UA wants every font embedded, which the
// standard-14 Helvetica never is. Parsed once per process; each document makes its own subset.

const require = createRequire(import.meta.url)

function openFont(file: string): fontkit.Font {
  const font = fontkit.create(readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${file}`)))
  if (!('layout' in font)) throw new Error(`${file} is a font collection, not a font`)
  return font
}

export const FONTS = {
  regular: openFont('400Regular/NotoSans_400Regular.ttf'),
  bold: openFont('700Bold/NotoSans_700Bold.ttf'),
}

export type FontName = keyof typeof FONTS

/**
 * Text as the fonts can draw it: control characters dropped, anything without a glyph in Noto
 * Sans (emoji, Arabic, ticks) replaced by "?" rather than an empty box. The HTML evidence pack
 * carries every character.
 */
export function pdfText(value: string): string {
  let text = ''
  for (const char of value.normalize('NFC')) {
    const code = char.codePointAt(0)!
    if (code === 9 || code === 10) text += char
    else if (code < 32 || (code >= 127 && code < 160)) continue
    else if (FONTS.regular.hasGlyphForCodePoint(code)) text += char
    else text += '?'
  }
  return text
}
