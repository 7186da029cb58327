import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { BrowsePage } from '~/library/browse-page'
import { loadBrowsePage } from '~/library/browse.server'
import { notFound } from '~/utils/responses.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.term.label} - Practice library - Inclusion in Practice`
      : 'Page not found - Inclusion in Practice',
  },
]

export async function loader({ params, context }: LoaderFunctionArgs) {
  return (await loadBrowsePage(context, 'practice', params.code ?? '')) ?? notFound()
}

export default function Browse() {
  return <BrowsePage data={useLoaderData<typeof loader>()} />
}
