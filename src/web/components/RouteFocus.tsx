/**
 * Focus management on route change: after a client-side navigation, focus moves to the new
 * page's heading (h1 inside the main region) so keyboard and screen-reader users start at the new
 * content. RouteFocus notices the navigation; the page's `usePageTitle` (which runs when the new
 * page has actually mounted, also after a lazy chunk loaded) moves the focus.
 */
import { useRef } from 'react';
import { useLocation } from 'react-router';

export const MAIN_ID = 'main-content';

let focusPending = false;

export function RouteFocus() {
  const { pathname } = useLocation();
  const last = useRef<string | null>(null);
  if (last.current !== null && last.current !== pathname) focusPending = true;
  last.current = pathname;
  return null;
}

/** Called by a page once it has mounted. */
export function focusPageHeadingIfNavigated(): void {
  if (!focusPending) return;
  focusPending = false;
  window.setTimeout(() => {
    const main = document.getElementById(MAIN_ID);
    if (!main) return;
    // Never steal focus from an open dialog.
    if (document.activeElement?.closest('[role="dialog"]')) return;
    const target = (main.querySelector('h1') as HTMLElement | null) ?? main;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  }, 0);
}

/** "跳到主要内容" for keyboard users; visible on focus only. */
export function SkipLink() {
  return (
    <a className="gg-skip-link" href={`#${MAIN_ID}`}>
      跳到主要内容
    </a>
  );
}
