import type { ImportType, TImportPreview } from '@guanxi/common/imports';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Step 1: sends the file; the answer has the detected header, the proposed mapping and a preview. */
export const uploadImport = ({ file, type }: { file: File; type: ImportType }) => {
  const body = new FormData();
  body.append('file', file, file.name);
  body.append('type', type);
  return api.upload<TImportPreview & { id: string }>('/imports', body);
};

export function useUploadImport() {
  return useMutation({ mutationFn: uploadImport });
}
