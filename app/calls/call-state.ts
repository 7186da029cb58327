import { formatLondonDateTime } from '../utils/london-time'

export type CallState = 'scheduled' | 'open' | 'closed'

/** A call accepts responses from its opening instant up to, but not at, its closing instant. */
export function callState(call: { opens_at: Date; closes_at: Date }, now = new Date()): CallState {
  if (now.getTime() < call.opens_at.getTime()) return 'scheduled'
  if (now.getTime() < call.closes_at.getTime()) return 'open'
  return 'closed'
}

/** A call's state and its opening and closing times in words, for pages. */
export function describeCall(call: { opens_at: Date; closes_at: Date }, now = new Date()) {
  return {
    state: callState(call, now),
    opens: formatLondonDateTime(new Date(call.opens_at)),
    closes: formatLondonDateTime(new Date(call.closes_at)),
  }
}
