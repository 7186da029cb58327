import type { MetaArgs } from '@remix-run/node'

/**
 * "Page – Inclusion in Practice", with "Error: " in front when the form on the page was sent back
 * with errors, as the GOV.UK pattern asks. The root loader says so after a failed POST.
 */
export function pageTitle(title: string, matches: MetaArgs['matches']): { title: string } {
  const root = matches.find((match) => match.id === 'root')?.data as
    { formHasErrors?: boolean } | undefined
  return { title: `${root?.formHasErrors ? 'Error: ' : ''}${title} - Inclusion in Practice` }
}
