import { hasPermission, type Action, type Module } from '@guanxi/common/permissions';
import { useCallback } from 'react';
import { useMe } from './auth';

export type Permission = { module: Module; action: Action };

/** `can(module, action)` for the signed-in user's role; false while signed out. */
export function useCan(): (module: Module, action: Action) => boolean {
  const { data: me } = useMe();
  const permissions = me?.role.permissions;
  return useCallback(
    (module: Module, action: Action) => (permissions ? hasPermission(permissions, module, action) : false),
    [permissions],
  );
}
