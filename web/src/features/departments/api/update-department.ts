import type { TDepartment, TUpdateDepartmentRequest } from '@guanxi/common/departments';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { departmentsQueryKey } from './get-departments';

export const updateDepartment = ({ id, ...body }: TUpdateDepartmentRequest & { id: string }) =>
  api.patch<TDepartment>(`/departments/${encodeURIComponent(id)}`, body);

/** Also after a failure: a 409 means our copy is stale, so reload it either way. */
export function useUpdateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateDepartment,
    onSettled: () => queryClient.invalidateQueries({ queryKey: departmentsQueryKey }),
  });
}
