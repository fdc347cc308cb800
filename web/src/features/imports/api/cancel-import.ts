import type { TImport } from '@guanxi/common/imports';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { importsQueryKey } from './get-imports';

export const cancelImport = (id: string) => api.post<TImport>(`/imports/${encodeURIComponent(id)}/cancel`);

export function useCancelImport() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: cancelImport, onSuccess: () => queryClient.invalidateQueries({ queryKey: importsQueryKey }) });
}
