import { useEffect } from 'react';
import { focusPageHeadingIfNavigated } from '../components/RouteFocus';

export const SITE_TITLE = '天津市质量攻关管理平台';

/** Sets the document title and, after a client-side navigation, focuses the page heading. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} - ${SITE_TITLE}` : SITE_TITLE;
  }, [title]);
  useEffect(() => {
    focusPageHeadingIfNavigated();
  }, []);
}
