/** The signed-in person: one `me` query shared by the whole app, plus login/logout helpers. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Me, RoleCode } from '../../shared/auth';
import { ApiError, api } from '../api';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

export const ROLE_HOME: Record<RoleCode, string> = {
  applicant: '/applicant',
  recommender: '/recommender',
  commission: '/commission',
  expert: '/expert',
  training_provider: '/training',
};

export const ROLE_WORKBENCH_TITLES: Record<RoleCode, string> = {
  applicant: '申报单位工作台',
  recommender: '推荐单位工作台',
  commission: '市市场监管委工作台',
  expert: '评定专家工作台',
  training_provider: '培训机构工作台',
};

export function homeFor(me: Pick<Me, 'role' | 'mustChangePassword' | 'secondFactor'>): string {
  if (me.mustChangePassword) return '/change-password';
  // The commission and administrators bind an authenticator first (issue 13.10).
  return me.secondFactor?.required && !me.secondFactor.enabled ? '/second-factor' : ROLE_HOME[me.role];
}

interface SessionValue {
  me: Me | null;
  loading: boolean;
  /** Store the user returned by login / change-password. */
  setMe(me: Me | null): void;
  login(username: string, password: string, secondFactor?: { totpCode?: string; recoveryCode?: string }): Promise<Me>;
  /**
   * End the session on the server; `leave` runs before the local state is dropped (navigate away
   * first so the pages of the previous person unmount instead of refetching).
   */
  logout(all?: boolean, leave?: () => void): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

async function fetchMe(): Promise<Me | null> {
  try {
    // 200 with null for a visitor: public pages log no 401.
    const res = await api.get<{ user: Me | null }>('/api/auth/session', undefined, { noSessionFlow: true });
    return res.user;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const query = useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: Infinity, retry: 1, refetchOnWindowFocus: false });

  const setMe = useCallback((me: Me | null) => qc.setQueryData(ME_QUERY_KEY, me), [qc]);

  const login = useCallback(
    async (username: string, password: string, secondFactor?: { totpCode?: string; recoveryCode?: string }) => {
      const res = await api.post<{ user: Me }>('/api/auth/login', { username, password, ...secondFactor }, { noSessionFlow: true });
      // A `me` request still in flight from before the login must not overwrite the new person.
      await qc.cancelQueries({ queryKey: ME_QUERY_KEY });
      setMe(res.user);
      return res.user;
    },
    [qc, setMe],
  );

  const logout = useCallback(
    async (all = false, leave?: () => void) => {
      try {
        await api.post(all ? '/api/auth/logout-all' : '/api/auth/logout', {}, { noSessionFlow: true });
      } finally {
        leave?.();
        await qc.cancelQueries();
        qc.setQueryData(ME_QUERY_KEY, null);
        // Nothing of the previous person may stay in the cache.
        qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      }
    },
    [qc],
  );

  const refresh = useCallback(async () => {
    await qc.invalidateQueries({ queryKey: ME_QUERY_KEY });
  }, [qc]);

  const value = useMemo<SessionValue>(
    () => ({ me: query.data ?? null, loading: query.isPending, setMe, login, logout, refresh }),
    [query.data, query.isPending, setMe, login, logout, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** For hooks that may run outside the provider (tests, public pages). */
export function useOptionalMe(): Me | null {
  return useContext(SessionContext)?.me ?? null;
}
