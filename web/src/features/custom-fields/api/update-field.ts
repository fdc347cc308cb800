import type { TCustomField, TUpdateCustomFieldRequest } from '@guanxi/common/fields';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { customFieldsQueryKey } from '../../../lib/custom-fields';

export const updateField = ({ id, ...body }: TUpdateCustomFieldRequest & { id: string }) => api.patch<TCustomField>(`/fields/${encodeURIComponent(id)}`, body);

export function useUpdateField() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateField, onSettled: () => queryClient.invalidateQueries({ queryKey: customFieldsQueryKey }) });
}
