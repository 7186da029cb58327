/** An answer whose body is whole: written as it is, or made a web Response for Remix. */
export interface WholeAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

/** A JSON answer for the public API: readable from any origin, never cached by shared caches. */
export function jsonAnswer(body: unknown, status = 200): WholeAnswer {
  return {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'public, max-age=60',
    },
    body: JSON.stringify(body),
  }
}

export function toResponse({ status, headers, body }: WholeAnswer) {
  return new Response(body, { status, headers })
}

/** A JSON response for the public API (jsonAnswer, as a web Response). */
export function jsonResponse(body: unknown, status = 200) {
  return toResponse(jsonAnswer(body, status))
}
