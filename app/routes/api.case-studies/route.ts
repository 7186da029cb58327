import type { LoaderFunctionArgs } from '@remix-run/node'
import { toResponse } from '~/utils/json-response.server'
import { answerSearchApi } from './answer.server'

// GET /api/case-studies — the library search as JSON (or CSV with format=csv): answer.server.ts.
export async function loader({ request, context }: LoaderFunctionArgs) {
  return toResponse(await answerSearchApi(new URL(request.url), context))
}
