/**
 * A chart label broken into lines of at most `maxChars` characters at spaces, so that a long
 * label ("Speech, language and communication needs") wraps beside its bar rather than being cut
 * off. SVG text does not wrap by itself. A single word longer than a line keeps its own line.
 */
export function wrapChartLabel(label: string, maxChars = 38): string[] {
  const lines: string[] = []
  for (const word of label.trim().split(/\s+/)) {
    const last = lines.at(-1)
    if (last !== undefined && `${last} ${word}`.length <= maxChars)
      lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines.length > 0 ? lines : ['']
}
