import { useRouteLoaderData } from '@remix-run/react'
import type { loader as rootLoader } from '~/root'

export function CsrfInput() {
  const root = useRouteLoaderData<typeof rootLoader>('root')
  return <input type="hidden" name="csrf" value={root?.csrfToken ?? ''} />
}
