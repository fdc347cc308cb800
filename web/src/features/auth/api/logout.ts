import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { setMe } from '../../../lib/auth';

export const logout = () => api.post<{ ok: true }>('/auth/logout', undefined, { expectUnauthenticated: true });

/** Ends the session; whatever the answer, the browser forgets the user and every cached record. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      setMe(queryClient, null);
    },
  });
}
