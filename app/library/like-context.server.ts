import type { AppLoadContext } from '@remix-run/node'
import {
  findEstablishmentContext,
  searchEstablishmentsByName,
} from '../../db/repositories/establishments'
import { phaseFromGiasPhaseCode } from '../reference/taxonomy'
import type { LikeContext } from './library-query'

export interface ResolvedContext {
  phase?: string
  setting?: string
  region?: string
  /** The school the context was taken from, to show back to the reader. */
  schoolName?: string
  problem?: string
  /** Several schools matched the name given: the reader chooses one. */
  candidates?: { urn: number; name: string; town: string | null; laName: string }[]
}

// Pupil referral units and alternative-provision academies and free schools (GIAS type codes).
const ALTERNATIVE_PROVISION_TYPES = new Set([14, 38, 42, 43])

/** A reader's context, with a school's phase, setting and region taken from the register. */
export async function resolveLikeContext(
  context: AppLoadContext,
  like: LikeContext,
): Promise<ResolvedContext> {
  const resolved: ResolvedContext = {
    phase: like.phase,
    setting: like.setting,
    region: like.region,
  }
  let urn = like.school
  if (urn === undefined && like.schoolName) {
    const matches = await searchEstablishmentsByName(context.services.db, like.schoolName)
    if (matches.length === 0) {
      return { ...resolved, problem: `No open school’s name contains ‘${like.schoolName}’` }
    }
    if (matches.length > 1) {
      return {
        ...resolved,
        problem: `More than one school matches ‘${like.schoolName}’`,
        candidates: matches.map((m) => ({
          urn: m.urn,
          name: m.name,
          town: m.town,
          laName: m.la_name,
        })),
      }
    }
    urn = matches[0]!.urn
  }
  if (urn === undefined) return resolved
  const school = await findEstablishmentContext(context.services.db, urn)
  if (!school) return { ...resolved, problem: `No school in the register has URN ${urn}` }
  return {
    phase: resolved.phase ?? phaseFromGiasPhaseCode(school.phase_code) ?? undefined,
    region: resolved.region ?? school.region_code ?? undefined,
    setting:
      resolved.setting ??
      (ALTERNATIVE_PROVISION_TYPES.has(school.type_code)
        ? 'alternative-provision'
        : school.has_sen_unit
          ? 'school-with-sen-unit'
          : school.has_resourced_provision
            ? 'school-with-resourced-provision'
            : 'mainstream-school'),
    schoolName: school.name,
  }
}

/**
 * Disjoint tiers, most similar first: the whole context; then the same phase (when more than the
 * phase was given); then everything else. Each is a Meilisearch filter expression.
 */
export function contextTiers(context: ResolvedContext): string[] {
  const parts = [
    context.phase ? `phases = "${context.phase}"` : null,
    context.setting ? `settings = "${context.setting}"` : null,
    context.region ? `region = "${context.region}"` : null,
  ].filter((part): part is string => part !== null)
  if (parts.length === 0) return []
  const whole = parts.join(' AND ')
  const tiers = [whole]
  if (context.phase && parts.length > 1)
    tiers.push(`phases = "${context.phase}" AND NOT (${whole})`)
  tiers.push(
    context.phase && parts.length > 1 ? `NOT (phases = "${context.phase}")` : `NOT (${whole})`,
  )
  return tiers
}
