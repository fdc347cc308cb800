import { useMutation } from '@tanstack/react-query';
import { paths } from '../../../config/paths';
import { api } from '../../../lib/api-client';

export const logout = () => api.post<{ ok: true }>('/auth/logout', undefined, { expectUnauthenticated: true });

/**
 * Ends the session, then loads the login page afresh: nothing of the previous user (cached records, the CSRF
 * token) survives in memory for whoever uses this browser next, and no "come back to" address is kept.
 */
export function useLogout() {
  return useMutation({
    mutationFn: logout,
    onSettled: () => window.location.replace(paths.login.getHref()),
  });
}
