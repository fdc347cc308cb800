import type { TLoginRequest, TMe } from '@guanxi/common/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { setMe } from '../../../lib/auth';

export const login = (body: TLoginRequest) => api.post<TMe>('/auth/login', body, { expectUnauthenticated: true });

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      setMe(queryClient, me);
    },
  });
}
