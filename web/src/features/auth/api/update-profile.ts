import type { TMe, TUpdateProfileRequest } from '@guanxi/common/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { setMe } from '../../../lib/auth';

export const updateProfile = (body: TUpdateProfileRequest) => api.patch<TMe>('/auth/me', body);

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (me) => {
      setMe(queryClient, me);
      // The user list shows the same person.
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
}
