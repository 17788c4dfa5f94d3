// The signed-in account: read from /auth/me (or the login answer) and kept in the query cache.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from './api/client';
import type { TMe } from './api/types';

export const ME_KEY = ['auth', 'me'] as const;

export async function fetchMe(): Promise<TMe | null> {
  try {
    const me = await api.get<TMe>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** The signed-in account; only used below the login gate, so it is always present. */
export function useMe(): TMe {
  const { data } = useMeQuery();
  if (!data) throw new Error('useMe outside the signed-in area');
  return data;
}

export function hasPermission(me: TMe | null | undefined, permission: string): boolean {
  return !!me && me.permissions.includes(permission);
}

export function useCan(permission: string): boolean {
  return hasPermission(useMe(), permission);
}

export function useSignIn() {
  const qc = useQueryClient();
  return (me: TMe) => {
    setCsrfToken(me.csrfToken);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    qc.setQueryData(ME_KEY, me);
  };
}

export function useSignOut() {
  const qc = useQueryClient();
  return async () => {
    try {
      await api.post('/auth/logout');
    } catch {
      /* the session may already be gone */
    }
    setCsrfToken('');
    qc.setQueryData(ME_KEY, null);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  };
}
