import type { TDepartment } from '@guanxi/common/departments';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const departmentsQueryKey = ['departments'] as const;

export const getDepartments = async (): Promise<TDepartment[]> =>
  (await api.get<{ items: TDepartment[] }>('/departments')).items;

export const getDepartmentsQueryOptions = () => queryOptions({ queryKey: departmentsQueryKey, queryFn: getDepartments });

export function useDepartments({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getDepartmentsQueryOptions(), enabled });
}
