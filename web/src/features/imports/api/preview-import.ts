import type { TImportMapping, TImportPreview } from '@guanxi/common/imports';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const previewImport = ({ id, mapping, defaults }: { id: string; mapping: TImportMapping; defaults: Record<string, string> }) =>
  api.post<TImportPreview>(`/imports/${encodeURIComponent(id)}/preview`, { mapping, defaults });

export function usePreviewImport() {
  return useMutation({ mutationFn: previewImport });
}
