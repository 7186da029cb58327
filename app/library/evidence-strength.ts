import { evidenceStrengthLevels } from '../reference/taxonomy'

export function evidenceStrengthLabel(value: number | null): string {
  if (value === null) return 'Not yet rated'
  return evidenceStrengthLevels.find((level) => level.value === value)?.label ?? 'Not yet rated'
}

export function evidenceStrengthDescription(value: number | null): string | null {
  if (value === null) return null
  return evidenceStrengthLevels.find((level) => level.value === value)?.description ?? null
}
