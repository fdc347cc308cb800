import type { TMe, TSignupRequest } from '@guanxi/common/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { setMe } from '../../../lib/auth';

export const signup = (body: TSignupRequest) => api.post<TMe>('/auth/signup', body, { expectUnauthenticated: true });

export function useSignup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signup,
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      setMe(queryClient, me);
    },
  });
}
