import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { ProfileForm } from '../../features/auth/components/profile-form';
import { NotificationPreferences } from '../../features/notifications/components/notification-preferences';

export function ProfileRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <Row gutter={[20, 20]}>
        <Col xs={24} xl={12}>
          <Card title={t('profile.infoTitle')} style={{ height: '100%' }}>
            <ProfileForm />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('profile.passwordTitle')} style={{ height: '100%' }}>
            <ChangePasswordForm />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('notificationPrefs.title')}>
            <NotificationPreferences />
          </Card>
        </Col>
      </Row>
    </>
  );
}
