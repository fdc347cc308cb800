import type { QueryClient } from '@tanstack/react-query';
import { usersQueryKey } from './get-users';

/**
 * After a user changes: the user lists, and the counts other pages show (department members, role members).
 * Those keys belong to other features, so they are named here rather than imported.
 */
export function invalidateAfterUserChange(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: usersQueryKey }),
    queryClient.invalidateQueries({ queryKey: ['departments'] }),
    queryClient.invalidateQueries({ queryKey: ['roles'] }),
  ]);
}
