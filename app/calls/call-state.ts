export type CallState = 'scheduled' | 'open' | 'closed'

/** A call accepts responses from its opening instant up to, but not at, its closing instant. */
export function callState(call: { opens_at: Date; closes_at: Date }, now = new Date()): CallState {
  if (now.getTime() < call.opens_at.getTime()) return 'scheduled'
  if (now.getTime() < call.closes_at.getTime()) return 'open'
  return 'closed'
}
