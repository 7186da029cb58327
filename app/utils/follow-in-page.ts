import { useNavigate } from '@remix-run/react'
import type { MouseEvent } from 'react'

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
  return (event: MouseEvent<HTMLAnchorElement>) => {
    const link = event.currentTarget
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
}
