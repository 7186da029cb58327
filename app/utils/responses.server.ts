/** Thrown from loaders and actions; the nearest ErrorBoundary renders a GOV.UK-style page. */
export function notFound(message = 'Page not found'): never {
  throw new Response(message, { status: 404, statusText: 'Not Found' })
}

export function forbidden(message = 'You do not have permission to view this page'): never {
  throw new Response(message, { status: 403, statusText: 'Forbidden' })
}

/** Only same-site paths are followed after sign-in, never another host. */
export function safeRedirectPath(
  target: FormDataEntryValue | string | null | undefined,
  fallback = '/',
): string {
  if (
    typeof target !== 'string' ||
    !target.startsWith('/') ||
    target.startsWith('//') ||
    target.startsWith('/\\')
  ) {
    return fallback
  }
  return target
}
