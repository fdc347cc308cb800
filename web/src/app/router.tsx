import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { RedirectIfSignedIn } from '../components/route-guards';
import { paths } from '../config/paths';
import { AppRoot } from './routes/app-root';
import { ContactsRoute } from './routes/contacts';
import { ImportsRoute } from './routes/imports';
import { DataQualityRoute } from './routes/data-quality';
import { CustomerRoute } from './routes/customers/customer';
import { CustomersRoute } from './routes/customers/customers';
import { RecycleBinRoute } from './routes/customers/recycle-bin';
import { PoolsRoute } from './routes/pools';
import { LoginRoute } from './routes/auth/login';
import { SignupRoute } from './routes/auth/signup';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { ProfileRoute } from './routes/profile';
import { StartRoute } from './routes/start';
import { TasksRoute } from './routes/tasks';
import { AuditRoute } from './routes/settings/audit';
import { CompletenessRoute } from './routes/settings/completeness';
import { JobsRoute } from './routes/settings/jobs';
import { FollowupSopRoute } from './routes/settings/followup-sop';
import { DictionariesRoute } from './routes/settings/dictionaries';
import { FieldsRoute } from './routes/settings/fields';
import { DepartmentsRoute } from './routes/settings/departments';
import { RolesRoute } from './routes/settings/roles';
import { TokensRoute } from './routes/settings/tokens';
import { UsersRoute } from './routes/settings/users';

const router = createBrowserRouter([
  {
    path: paths.login.path,
    element: (
      <RedirectIfSignedIn>
        <LoginRoute />
      </RedirectIfSignedIn>
    ),
  },
  {
    path: paths.signup.path,
    element: (
      <RedirectIfSignedIn>
        <SignupRoute />
      </RedirectIfSignedIn>
    ),
  },
  {
    path: paths.home.path,
    element: <AppRoot />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: paths.start.path, element: <StartRoute /> },
      { path: paths.profile.path, element: <ProfileRoute /> },
      { path: paths.customers.list.path, element: <CustomersRoute /> },
      { path: paths.customers.detail.path, element: <CustomerRoute /> },
      { path: paths.customers.recycleBin.path, element: <RecycleBinRoute /> },
      { path: paths.contacts.path, element: <ContactsRoute /> },
      { path: paths.tasks.path, element: <TasksRoute /> },
      { path: paths.pools.path, element: <PoolsRoute /> },
      { path: paths.imports.path, element: <ImportsRoute /> },
      { path: paths.dataQuality.path, element: <DataQualityRoute /> },
      { path: paths.settings.departments.path, element: <DepartmentsRoute /> },
      { path: paths.settings.users.path, element: <UsersRoute /> },
      { path: paths.settings.roles.path, element: <RolesRoute /> },
      { path: paths.settings.tokens.path, element: <TokensRoute /> },
      { path: paths.settings.audit.path, element: <AuditRoute /> },
      { path: paths.settings.dictionaries.path, element: <DictionariesRoute /> },
      { path: paths.settings.fields.path, element: <FieldsRoute /> },
      { path: paths.settings.completeness.path, element: <CompletenessRoute /> },
      { path: paths.settings.jobs.path, element: <JobsRoute /> },
      { path: paths.settings.followupSop.path, element: <FollowupSopRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
