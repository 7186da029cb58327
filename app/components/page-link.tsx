import { useNavigate, type NavigateFunction } from '@remix-run/react'
import type { AnchorHTMLAttributes, MouseEvent } from 'react'

/**
 * A click handler for plain `<a href>` links that follows them in the page, as Remix's <Link>
 * does: a plain left click navigates without reloading; a click with a modifier key (a new tab or
 * window), a middle click, or a link to another site or to a download is left to the browser.
 * One handler shared by a list of links, where each <Link> runs several router hooks of its own:
 * the library's 20 result titles as <Link>s cost about 0.4 ms of CPU on every page view. Give the
 * links `data-discover="true"` too, so that Remix finds their routes ahead of the click as it does
 * for a <Link>.
 */
export function useFollowInPage() {
  const navigate = useNavigate()
  return (event: MouseEvent<HTMLAnchorElement>) => follow(event, event.currentTarget, navigate)
}

/**
 * The same for every link inside an element, from one handler on the element: for markup React
 * did not make, which the page came with (the library's results as the browser hydrates them).
 */
export function useFollowLinksInPage() {
  const navigate = useNavigate()
  return (event: MouseEvent<HTMLElement>) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null
    if (link instanceof HTMLAnchorElement && event.currentTarget.contains(link))
      follow(event, link, navigate)
  }
}

function follow(event: MouseEvent, link: HTMLAnchorElement, navigate: NavigateFunction) {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.altKey ||
    event.ctrlKey ||
    event.shiftKey ||
    (link.target && link.target !== '_self') ||
    link.hasAttribute('download') ||
    link.origin !== window.location.origin
  )
    return
  event.preventDefault()
  navigate(`${link.pathname}${link.search}${link.hash}`)
}

/**
 * A link within the service, followed in the page as Remix's <Link> is, for a fraction of its
 * cost: for the links every page has (the header, the footer) and lists of links. `to` is a path
 * from the root ("/library?page=2"), not one relative to the page.
 */
export function PageLink({
  to,
  children,
  ...props
}: { to: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'onClick'>) {
  const follow = useFollowInPage()
  return (
    <a {...props} href={to} data-discover="true" onClick={follow}>
      {children}
    </a>
  )
}
