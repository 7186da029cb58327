// The evidence gap map's shape, shared by the server that fills it and the table that shows it.

export interface GapColumn {
  /** A broad area's code, or a need code within an expanded area. */
  value: string
  label: string
  level: 'area' | 'code'
  area: string
  /** The need codes a cell in this column filters by. */
  needs: string[]
  total: number | null
}

export interface GapRow {
  value: string
  label: string
  total: number | null
  cells: { count: number | null; averageStrength: number | null }[]
}

export interface GapMap {
  total: number | null
  columns: GapColumn[]
  rows: GapRow[]
  /** Cells with no case studies at all: the gaps. */
  gapCount: number
}
