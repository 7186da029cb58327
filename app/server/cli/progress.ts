import { Presets, SingleBar } from 'cli-progress'

/** One progress bar per phase of a long command, replaced when the phase changes. */
export function phaseBars(
  labels: Record<string, { title: string; unit: string; bytes?: boolean }>,
) {
  let phase: string | undefined
  let bar: SingleBar | undefined
  const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)}MB`
  return {
    update(next: { phase: string; done: number; total: number; detail?: string }) {
      const label = labels[next.phase]!
      if (next.phase !== phase) {
        bar?.stop()
        phase = next.phase
        bar = new SingleBar(
          {
            format: `${label.title.padEnd(22)} [{bar}] {shown} {detail}`,
            hideCursor: true,
          },
          Presets.shades_classic,
        )
        bar.start(Math.max(next.total, 1), 0, { shown: '', detail: '' })
      }
      const shown = label.bytes
        ? `${megabytes(next.done)} of ${megabytes(next.total)}`
        : `${next.done}/${next.total} ${label.unit}`
      bar!.setTotal(Math.max(next.total, 1))
      bar!.update(next.done, { shown, detail: next.detail ?? '' })
    },
    stop() {
      bar?.stop()
      bar = undefined
      phase = undefined
    },
  }
}
