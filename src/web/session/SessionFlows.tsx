/**
 * The session flows behind the API client:
 * - "登录已超时" — an in-place re-login: the page underneath (and any half-filled form) stays as
 *   it is; once the person has logged in again the request that failed is sent again;
 * - a pending forced password change sends the person to /change-password.
 * The dialog itself is a lazy chunk, so the public pages do not carry its form code.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Me } from '../../shared/auth';
import { setPasswordChangeHandler, setSessionLostHandler } from '../api';
import { homeFor, useSession } from './session';

const ReloginDialog = lazy(() => import('./ReloginDialog'));

export function SessionFlows() {
  const { me, setMe } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const meRef = useRef<Me | null>(me);
  if (me) meRef.current = me;
  /** Null after an intentional logout: late 401s of unmounting pages then open no dialog. */
  const signedIn = useRef(!!me);
  signedIn.current = !!me;

  useEffect(() => {
    setSessionLostHandler(
      () =>
        signedIn.current
          ? new Promise<boolean>((resolve) => {
              resolver.current = resolve;
              setOpen(true);
            })
          : Promise.resolve(false),
    );
    setPasswordChangeHandler(() => navigate('/change-password', { replace: true }));
    return () => {
      setSessionLostHandler(null);
      setPasswordChangeHandler(null);
    };
  }, [navigate]);

  const finish = (ok: boolean) => {
    setOpen(false);
    const r = resolver.current;
    resolver.current = null;
    r?.(ok);
  };

  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <ReloginDialog
        username={meRef.current?.username}
        onLoggedIn={(user) => {
          const previous = meRef.current;
          if (previous && previous.id !== user.id) {
            // Another person: nothing of the previous page may stay on screen.
            window.location.assign(homeFor(user));
            return;
          }
          setMe(user);
          finish(true);
        }}
        onGoToLogin={() => {
          finish(false);
          setMe(null);
          navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
        }}
      />
    </Suspense>
  );
}
