import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { departmentsQueryKey } from './get-departments';

export const deleteDepartment = (id: string) => api.delete<{ ok: true }>(`/departments/${encodeURIComponent(id)}`);

export function useDeleteDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteDepartment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: departmentsQueryKey }),
  });
}
