import { Outlet, ScrollRestoration } from 'react-router-dom';
import { AppLayout } from '../../components/layouts/app-layout';
import { RequireSignedIn } from '../../components/route-guards';
import { useLogout } from '../../features/auth/api/logout';
import { useUpdateProfile } from '../../features/auth/api/update-profile';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { useSignedInMe } from '../../lib/auth';
import { currentLocale } from '../../lib/i18n';
import { roleDisplayName } from '../../lib/role-name';

function SignedInShell() {
  const me = useSignedInMe();
  const logout = useLogout();
  const updateProfile = useUpdateProfile();
  return (
    <AppLayout
      companyName={me.tenant.name}
      userName={me.user.name}
      roleName={roleDisplayName(me.role, currentLocale())}
      onLogout={() => logout.mutate()}
      onLocaleChange={(locale) => updateProfile.mutate({ locale })}
      headerExtra={<NotificationBell />}
    >
      <Outlet />
      <ScrollRestoration />
    </AppLayout>
  );
}

export function AppRoot() {
  return (
    <RequireSignedIn>
      <SignedInShell />
    </RequireSignedIn>
  );
}
