import type { Action, Module } from '@guanxi/common/permissions';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router-dom';
import { paths, safeRedirect } from '../config/paths';
import { useMe } from '../lib/auth';
import { useCan } from '../lib/authorization';
import { FullPageSpin } from './full-page-spin';
import { QueryError } from './query-error';
import { ForbiddenResult } from './result-pages';

/** Renders its children for a signed-in user; otherwise sends them to the login page and back afterwards. */
export function RequireSignedIn({ children }: { children: ReactNode }) {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!me) return <Navigate to={paths.login.getHref(location.pathname + location.search)} replace />;
  return children;
}

/** Login and sign-up pages: a signed-in user goes straight into the app. */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const { data: me, isPending } = useMe();
  const [params] = useSearchParams();
  if (isPending) return <FullPageSpin />;
  if (me) return <Navigate to={safeRedirect(params.get('redirect'))} replace />;
  return children;
}

/** A page that needs a permission shows the 403 page to roles without it. */
export function RequirePermission({ module, action, children }: { module: Module; action: Action; children: ReactNode }) {
  const can = useCan();
  if (!can(module, action)) return <ForbiddenResult />;
  return children;
}

/** Renders the page when the user holds at least one of the rights (a page that serves several modules). */
export function RequireAnyPermission({ anyOf, children }: { anyOf: ReadonlyArray<readonly [Module, Action]>; children: ReactNode }) {
  const can = useCan();
  if (!anyOf.some(([module, action]) => can(module, action))) return <ForbiddenResult />;
  return children;
}
