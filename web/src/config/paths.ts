/** Every URL of the web app, with `getHref` for links (route definitions use `path`). */
export const paths = {
  home: { path: '/', getHref: () => '/' },
  login: {
    path: '/login',
    getHref: (redirectTo?: string) =>
      redirectTo && redirectTo !== '/' ? `/login?redirect=${encodeURIComponent(redirectTo)}` : '/login',
  },
  signup: { path: '/signup', getHref: () => '/signup' },
  profile: { path: '/profile', getHref: () => '/profile' },
  settings: {
    departments: { path: '/settings/departments', getHref: () => '/settings/departments' },
    users: { path: '/settings/users', getHref: () => '/settings/users' },
    roles: {
      path: '/settings/roles/:roleId?',
      getHref: (roleId?: string) => (roleId ? `/settings/roles/${encodeURIComponent(roleId)}` : '/settings/roles'),
    },
    tokens: { path: '/settings/tokens', getHref: () => '/settings/tokens' },
    audit: { path: '/settings/audit', getHref: () => '/settings/audit' },
  },
} as const;

/** Only same-app paths are followed after login (no open redirect to another site). */
export function safeRedirect(target: string | null): string {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return paths.home.getHref();
  return target;
}
