import type { TCreateDepartmentRequest, TDepartment } from '@guanxi/common/departments';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { departmentsQueryKey } from './get-departments';

export const createDepartment = (body: TCreateDepartmentRequest) => api.post<TDepartment>('/departments', body);

export function useCreateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createDepartment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: departmentsQueryKey }),
  });
}
