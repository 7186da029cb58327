import './load-context'
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import type { ShouldRevalidateFunction } from '@remix-run/react'
import { data } from '@remix-run/node'
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import { useEffect, type ReactNode } from 'react'
import { isDatabaseUnavailable } from '../db/availability'
import { getStaffUser } from './accounts/session.server'
import { Footer, Header, Main, PhaseBanner, SkipLink } from './components/govuk/layout'
import stylesUrl from './styles/app.scss?url'
import { commitCsrfToken } from './utils/csrf.server'
import { keepErrorHeaders } from './utils/error-headers'
import { useNonce } from './utils/nonce'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesUrl }]

// The root holds the only error boundary, so it alone is given a thrown response's headers.
export const headers = keepErrorHeaders

// An error page's title is in the head like any other page's (so the browser tab says "Page not
// found"): Remix gives the root's meta the error its boundary shows.
export const meta: MetaFunction = ({ error }) => [
  { title: error ? `${errorTitle(error)} - Inclusion in Practice` : 'Inclusion in Practice' },
]

/**
 * The home page and the public library's pages only read, and hold no form that posts: no one
 * reading them is given a CSRF token and cookie (signing a new pair was a measurable part of each
 * page's cost, and every anonymous reader's first page paid it). Going from one of them to any
 * other page, the root loader runs again (shouldRevalidate) and issues the token there, before
 * any form needs it.
 */
function needsNoCsrfToken(pathname: string) {
  return pathname === '/' || pathname === '/library' || pathname.startsWith('/library/')
}

export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}) =>
  defaultShouldRevalidate ||
  (needsNoCsrfToken(currentUrl.pathname) && !needsNoCsrfToken(nextUrl.pathname))

export async function loader({ request, context }: LoaderFunctionArgs) {
  const tokenless = request.method === 'GET' && needsNoCsrfToken(new URL(request.url).pathname)
  const [user, [csrfToken, csrfCookie]] = await Promise.all([
    // Without Postgres the header shows a signed-out visitor: the public library still answers,
    // and staff pages fail on their own requireRole with the 503 page.
    getStaffUser(request, context).catch((error: unknown) => {
      if (isDatabaseUnavailable(error)) return null
      throw error
    }),
    tokenless ? (['', null] as const) : commitCsrfToken(request, context),
  ])
  return data(
    {
      user: user ? { name: user.name, roles: user.roles } : null,
      csrfToken,
      // Loaders run after the action on a form POST, so this tells whether the action rejected it.
      formHasErrors: context.requestState?.formHasErrors ?? false,
    },
    { headers: csrfCookie ? { 'Set-Cookie': csrfCookie } : {} },
  )
}

export type RootData = Awaited<ReturnType<typeof loader>>['data']

let govukFrontendStarted = false
// GOV.UK Frontend's own scripts (header menu, skip link, buttons) as an enhancement, once per page load.
function initGovukFrontend() {
  if (govukFrontendStarted) return
  govukFrontendStarted = true
  void import('govuk-frontend').then(({ initAll }) => initAll())
}

function Document({
  children,
  user,
}: {
  children: ReactNode
  user: { name: string; roles: readonly string[] } | null
}) {
  useEffect(initGovukFrontend, [])
  // Marks the document once React has hydrated it and run its effects: browser tests wait for it
  // before using what needs JavaScript (a box ticked before then is React's to reset).
  useEffect(() => {
    document.documentElement.dataset.hydrated = ''
  }, [])
  const nonce = useNonce()
  return (
    <html lang="en" className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b0c0c" />
        <Meta />
        <Links />
      </head>
      {/* The inline script adds js-enabled before React hydrates, which React need not warn about. */}
      <body className="govuk-template__body" suppressHydrationWarning>
        <script
          nonce={nonce}
          suppressHydrationWarning
          dangerouslySetInnerHTML={{
            __html:
              "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');",
          }}
        />
        <SkipLink />
        <Header user={user} />
        <div className="govuk-width-container">
          <PhaseBanner />
          <Main>{children}</Main>
        </div>
        <Footer />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>('root')
  return <Document user={root?.user ?? null}>{children}</Document>
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  return <ErrorPage error={error} />
}

/** The heading and title of the error page for `error`. */
function errorTitle(error: unknown): string {
  const status = isRouteErrorResponse(error) ? error.status : 500
  const problem = isRouteErrorResponse(error) ? problemOf(error.data) : null
  if (problem) return problem.title
  if (status === 404) return 'Page not found'
  if (status === 403) return 'You do not have permission to view this page'
  if (status === 400 || status === 405 || status === 413)
    return 'There is a problem with your request'
  return 'Sorry, there is a problem with the service'
}

export function ErrorPage({ error }: { error: unknown }) {
  const status = isRouteErrorResponse(error) ? error.status : 500
  const problem = isRouteErrorResponse(error) ? problemOf(error.data) : null
  const title = errorTitle(error)
  if (problem) {
    return (
      <ErrorContent title={title}>
        {problem.paragraphs.map((paragraph) => (
          <p className="govuk-body" key={paragraph}>
            {paragraph}
          </p>
        ))}
        <p className="govuk-body">
          <a className="govuk-link" href="/">
            Go to the home page
          </a>
        </p>
      </ErrorContent>
    )
  }
  if (status === 404) {
    return (
      <ErrorContent title={title}>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">
          If you pasted the web address, check you copied the entire address.
        </p>
        <p className="govuk-body">
          You can{' '}
          <a className="govuk-link" href="/library">
            search the practice library
          </a>{' '}
          or go to the{' '}
          <a className="govuk-link" href="/">
            home page
          </a>
          .
        </p>
      </ErrorContent>
    )
  }
  if (status === 403) {
    const detail = isRouteErrorResponse(error) && typeof error.data === 'string' ? error.data : null
    return (
      <ErrorContent title={title}>
        <p className="govuk-body">
          {detail && detail !== 'You do not have permission to view this page'
            ? detail
            : 'Your account does not have a role that can use this page. If you think it should, contact an administrator of the service.'}
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href="/">
            Go to the home page
          </a>
        </p>
      </ErrorContent>
    )
  }
  if (status === 400 || status === 405 || status === 413) {
    return (
      <ErrorContent title={title}>
        <p className="govuk-body">
          The service could not understand what was sent. Go back and try again.
        </p>
      </ErrorContent>
    )
  }
  return (
    <ErrorContent title={title}>
      <p className="govuk-body">Try again later.</p>
      <p className="govuk-body">
        Anything you saved before this happened has been kept. If the problem continues,{' '}
        <a className="govuk-link" href="/feedback">
          contact us
        </a>
        .
      </p>
    </ErrorContent>
  )
}

/** A page thrown with a title and paragraphs of its own (see problemPage). */
function problemOf(data: unknown): { title: string; paragraphs: string[] } | null {
  if (!data || typeof data !== 'object') return null
  const { title, paragraphs } = data as { title?: unknown; paragraphs?: unknown }
  if (typeof title !== 'string' || !Array.isArray(paragraphs)) return null
  return { title, paragraphs: paragraphs.filter((p): p is string => typeof p === 'string') }
}

function ErrorContent({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        {children}
      </div>
    </div>
  )
}
