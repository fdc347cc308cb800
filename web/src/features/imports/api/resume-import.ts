import type { TImport } from '@guanxi/common/imports';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { importsQueryKey } from './get-imports';

/** Runs a failed import again from where it stopped. */
export const resumeImport = (id: string) => api.post<TImport>(`/imports/${encodeURIComponent(id)}/resume`);

export function useResumeImport() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: resumeImport, onSuccess: () => queryClient.invalidateQueries({ queryKey: importsQueryKey }) });
}
