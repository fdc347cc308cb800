import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { AuthLayout } from '../../../components/layouts/auth-layout';
import { paths } from '../../../config/paths';
import { SignupForm } from '../../../features/auth/components/signup-form';
import { notifySuccess } from '../../../lib/notify';

export function SignupRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <AuthLayout
      wide
      title={t('auth.signupTitle')}
      subtitle={t('auth.signupSubtitle')}
      footer={
        <>
          {t('auth.haveAccount')} <Link to={paths.login.getHref()}>{t('auth.loginLink')}</Link>
        </>
      }
    >
      <SignupForm
        onSuccess={() => {
          notifySuccess(t('auth.signedUp'));
          navigate(paths.home.getHref(), { replace: true });
        }}
      />
    </AuthLayout>
  );
}
