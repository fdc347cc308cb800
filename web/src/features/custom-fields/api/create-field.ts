import type { TCreateCustomFieldRequest, TCustomField } from '@guanxi/common/fields';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { customFieldsQueryKey } from '../../../lib/custom-fields';

export const createField = (body: TCreateCustomFieldRequest) => api.post<TCustomField>('/fields', body);

export function useCreateField() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createField, onSuccess: () => queryClient.invalidateQueries({ queryKey: customFieldsQueryKey }) });
}
