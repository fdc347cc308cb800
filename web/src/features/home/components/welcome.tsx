import { ApartmentOutlined, ApiOutlined, KeyOutlined, SafetyCertificateOutlined, UserAddOutlined } from '@ant-design/icons';
import { ACTIONS, MODULES, type Action, type Module } from '@guanxi/common/permissions';
import { Button, Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { useSignedInMe } from '../../../lib/auth';
import { useCan } from '../../../lib/authorization';
import { currentLocale } from '../../../lib/i18n';
import { roleDisplayName } from '../../../lib/role-name';
import { useDocumentTitle } from '../../../lib/use-document-title';

type Step = { key: string; icon: ReactNode; title: string; text: string; href: string; needs?: [Module, Action] };

/** The start page: who I am here, what to set up first, and what my role may use. */
export function Welcome() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const can = useCan();
  const role = roleDisplayName(me.role, currentLocale());
  useDocumentTitle(t('nav.home'));

  const steps: Step[] = [
    { key: 'departments', icon: <ApartmentOutlined />, title: t('home.stepDepartments'), text: t('home.stepDepartmentsText'), href: paths.settings.departments.getHref(), needs: ['departments', 'create'] },
    { key: 'users', icon: <UserAddOutlined />, title: t('home.stepUsers'), text: t('home.stepUsersText'), href: paths.settings.users.getHref(), needs: ['users', 'create'] },
    { key: 'roles', icon: <SafetyCertificateOutlined />, title: t('home.stepRoles'), text: t('home.stepRolesText'), href: paths.settings.roles.getHref(), needs: ['roles', 'edit'] },
    { key: 'tokens', icon: <KeyOutlined />, title: t('home.stepTokens'), text: t('home.stepTokensText'), href: paths.settings.tokens.getHref() },
  ];
  const visible = steps.filter((s) => !s.needs || can(...s.needs));
  const granted = MODULES.filter((m) => (me.role.permissions[m]?.length ?? 0) > 0);

  return (
    <Flex vertical gap={20}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('home.greeting', { name: me.user.name })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 15 }}>
          {t('home.intro', { company: me.tenant.name, role, scope: t(`dataScopes.${me.role.dataScope}`) })}
        </Typography.Paragraph>
      </Card>

      <Card title={t('home.setupTitle')} extra={<Typography.Link href="/api/docs" target="_blank"><ApiOutlined /> {t('home.apiDocs')}</Typography.Link>}>
        <Typography.Paragraph type="secondary">{t('home.setupIntro')}</Typography.Paragraph>
        <Row gutter={[16, 16]}>
          {visible.map((s, i) => (
            <Col key={s.key} xs={24} md={12} xl={6}>
              <Card size="small" style={{ height: '100%' }} styles={{ body: { display: 'flex', flexDirection: 'column', gap: 8, height: '100%' } }}>
                <Flex align="center" gap={10}>
                  <span className="gx-step-icon">{s.icon}</span>
                  <Typography.Text strong>
                    {i + 1}. {s.title}
                  </Typography.Text>
                </Flex>
                <Typography.Text type="secondary" style={{ flex: 1 }}>
                  {s.text}
                </Typography.Text>
                <Link to={s.href}>
                  <Button size="small">{t('home.go')}</Button>
                </Link>
              </Card>
            </Col>
          ))}
        </Row>
      </Card>

      <Card title={t('home.permissionsTitle')}>
        {granted.length ? (
          <>
            <Typography.Paragraph type="secondary">{t('home.permissionsIntro')}</Typography.Paragraph>
            <div className="gx-permission-grid">
              {granted.map((m) => {
                const actions = me.role.permissions[m] ?? [];
                return (
                  <Flex key={m} gap={12} align="baseline">
                    <Typography.Text strong className="gx-permission-module">
                      {t(`modules.${m}`)}
                    </Typography.Text>
                    <Flex wrap gap={4}>
                      {actions.length === ACTIONS.length ? (
                        <Tag bordered={false} color="green" style={{ marginInlineEnd: 0 }}>
                          {t('home.allActions')}
                        </Tag>
                      ) : (
                        actions.map((a) => (
                          <Tag key={a} bordered={false} color="blue" style={{ marginInlineEnd: 0 }}>
                            {t(`actions.${a}`)}
                          </Tag>
                        ))
                      )}
                    </Flex>
                  </Flex>
                );
              })}
            </div>
          </>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noPermissions')} />
        )}
      </Card>
    </Flex>
  );
}
