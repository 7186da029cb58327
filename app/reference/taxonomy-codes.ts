// The taxonomy's codes as literal types, so that content keyed by code (seeds, demo data) is
// checked by the compiler. taxonomy.ts holds the labels and descriptions; a unit test keeps the
// two in step. Codes never change once seeded.

export const PRACTICE_CODES = [
  'resourced-provision',
  'sen-unit',
  'specialist-staff',
  'accessible-pe-sport',
  'early-identification',
  'adaptive-teaching',
  'graduated-approach',
  'working-with-families',
  'multi-agency',
  'workforce-development',
  'leadership-strategy',
  'pastoral-semh',
  'attendance',
  'alternatives-to-exclusion',
  'flexible-provision',
  'reintegration',
  'pupil-voice',
] as const
export type PracticeCode = (typeof PRACTICE_CODES)[number]

export const NEED_CODES = [
  'SPLD',
  'MLD',
  'SLD',
  'PMLD',
  'SEMH',
  'SLCN',
  'HI',
  'VI',
  'MSI',
  'PD',
  'ASD',
  'OTH',
  'NSA',
  'DS',
] as const
export type NeedCode = (typeof NEED_CODES)[number]

export const PHASE_CODES = [
  'early-years',
  'primary',
  'secondary',
  'all-through',
  'post-16',
] as const
export type PhaseCode = (typeof PHASE_CODES)[number]

export const SETTING_CODES = [
  'mainstream-school',
  'school-with-resourced-provision',
  'school-with-sen-unit',
  'alternative-provision',
  'multi-academy-trust',
  'local-area-partnership',
] as const
export type SettingCode = (typeof SETTING_CODES)[number]

export const OUTCOME_CODES = [
  'attendance',
  'exclusions',
  'attainment',
  'wellbeing',
  'communication-skills',
  'independence',
  'participation',
  'parent-confidence',
  'staff-confidence',
  'transition',
] as const
export type OutcomeCode = (typeof OUTCOME_CODES)[number]

export const PRINCIPLE_CODES = [
  'knowing-children-well',
  'high-quality-teaching',
  'targeted-support',
  'relationships-partnerships',
  'shared-responsibility',
] as const
export type PrincipleCode = (typeof PRINCIPLE_CODES)[number]
