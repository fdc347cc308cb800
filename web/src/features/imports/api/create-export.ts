import type { TCreateExportRequest, TExport } from '@guanxi/common/imports';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const createExport = (body: TCreateExportRequest) => api.post<TExport>('/exports', body);

export function useCreateExport() {
  return useMutation({ mutationFn: createExport });
}
