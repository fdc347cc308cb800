import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { AuthLayout } from '../../../components/layouts/auth-layout';
import { paths, safeRedirect } from '../../../config/paths';
import { LoginForm } from '../../../features/auth/components/login-form';

export function LoginRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <AuthLayout
      title={t('auth.loginTitle')}
      subtitle={t('auth.loginSubtitle')}
      footer={
        <>
          {t('auth.noAccount')} <Link to={paths.signup.getHref()}>{t('auth.signupLink')}</Link>
        </>
      }
    >
      <LoginForm onSuccess={() => navigate(safeRedirect(params.get('redirect')), { replace: true })} />
    </AuthLayout>
  );
}
