/** Every URL of the web app, with `getHref` for links (route definitions use `path`). */
export const paths = {
  home: { path: '/', getHref: () => '/' },
  start: { path: '/start', getHref: () => '/start' },
  login: {
    path: '/login',
    getHref: (redirectTo?: string) =>
      redirectTo && redirectTo !== '/' ? `/login?redirect=${encodeURIComponent(redirectTo)}` : '/login',
  },
  signup: { path: '/signup', getHref: () => '/signup' },
  profile: { path: '/profile', getHref: () => '/profile' },
  customers: {
    list: { path: '/customers', getHref: (search?: string) => (search ? `/customers?${search}` : '/customers') },
    detail: {
      path: '/customers/:customerId',
      getHref: (id: string, tab?: string) => `/customers/${encodeURIComponent(id)}${tab ? `?tab=${tab}` : ''}`,
    },
    recycleBin: { path: '/recycle-bin', getHref: () => '/recycle-bin' },
  },
  tasks: { path: '/tasks', getHref: () => '/tasks' },
  contacts: { path: '/contacts', getHref: (mobile?: string) => (mobile ? `/contacts?mobile=${encodeURIComponent(mobile)}` : '/contacts') },
  pools: {
    path: '/pools/:poolId?',
    getHref: (poolId?: string) => (poolId ? `/pools/${encodeURIComponent(poolId)}` : '/pools'),
  },
  dataQuality: { path: '/data-quality', getHref: () => '/data-quality' },
  imports: { path: '/imports', getHref: (id?: string) => (id ? `/imports?id=${encodeURIComponent(id)}` : '/imports') },
  settings: {
    departments: { path: '/settings/departments', getHref: () => '/settings/departments' },
    users: { path: '/settings/users', getHref: () => '/settings/users' },
    roles: {
      path: '/settings/roles/:roleId?',
      getHref: (roleId?: string) => (roleId ? `/settings/roles/${encodeURIComponent(roleId)}` : '/settings/roles'),
    },
    tokens: { path: '/settings/tokens', getHref: () => '/settings/tokens' },
    audit: { path: '/settings/audit', getHref: () => '/settings/audit' },
    dictionaries: {
      path: '/settings/dictionaries/:type?',
      getHref: (type?: string) => (type ? `/settings/dictionaries/${type}` : '/settings/dictionaries'),
    },
    fields: { path: '/settings/fields', getHref: () => '/settings/fields' },
    completeness: { path: '/settings/completeness', getHref: () => '/settings/completeness' },
    jobs: { path: '/settings/jobs', getHref: () => '/settings/jobs' },
    followupSop: { path: '/settings/followup-sop', getHref: () => '/settings/followup-sop' },
  },
} as const;

/** Only same-app paths are followed after login (no open redirect to another site). */
export function safeRedirect(target: string | null): string {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return paths.home.getHref();
  return target;
}
