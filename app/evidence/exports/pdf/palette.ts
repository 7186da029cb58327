// GOV.UK Frontend's colours, and the contrast check (WCAG 2.2, 1.4.3) that every number drawn on
// a shaded cell passes.

export const COLOURS = {
  text: '#0b0c0c',
  secondaryText: '#505a5f',
  blue: '#1d70b8',
  darkBlue: '#003078',
  border: '#b1b4b6',
  lightGrey: '#f3f2f1',
  midGrey: '#d8dadc',
  white: '#ffffff',
}

/** Gap map shading by mean evidence strength, 0 (description only) to 4 (comparison group). */
export const STRENGTH_SHADES = ['#f3f7fb', '#d2e2f1', '#a5c5e3', '#5694ca', COLOURS.darkBlue]

/** The hatching that marks a gap: light enough that dark text on it stays readable. */
export const GAP_HATCH = COLOURS.midGrey

export const MINIMUM_CONTRAST = 4.5

function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

/** Near-black or white, whichever reads better on the background; never below 4.5:1. */
export function textColourOn(background: string): string {
  const best = [COLOURS.text, COLOURS.white]
    .map((colour) => ({ colour, ratio: contrastRatio(colour, background) }))
    .sort((a, b) => b.ratio - a.ratio)[0]!
  if (best.ratio < MINIMUM_CONTRAST) {
    throw new Error(`No text colour reaches ${MINIMUM_CONTRAST}:1 on ${background}`)
  }
  return best.colour
}
