import type { TImport, TStartImportRequest } from '@guanxi/common/imports';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { importsQueryKey } from './get-imports';

export const startImport = ({ id, ...body }: TStartImportRequest & { id: string }) =>
  api.post<TImport>(`/imports/${encodeURIComponent(id)}/start`, body);

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: startImport, onSuccess: () => queryClient.invalidateQueries({ queryKey: importsQueryKey }) });
}
