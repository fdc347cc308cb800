import { Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DueCustomersCard } from '../../features/activities/components/due-customers-card';
import { RecentFollowupsCard } from '../../features/activities/components/recent-followups-card';
import { WorkbenchTasks } from '../../features/activities/components/workbench-tasks';
import { Welcome } from '../../features/home/components/welcome';
import { NotificationsCard } from '../../features/notifications/components/notifications-card';
import { useSignedInMe } from '../../lib/auth';
import { useCan } from '../../lib/authorization';
import { useDocumentTitle } from '../../lib/use-document-title';

/** 工作台, the page after login: my tasks, customers due for follow-up, notifications, recent activity. */
export function HomeRoute() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const can = useCan();
  useDocumentTitle(t('nav.workbench'));
  // Roles without tasks (e.g. marketing) keep the start page.
  if (!can('tasks', 'view')) return <Welcome />;
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('home.greeting', { name: me.user.name })}</Typography.Title>
        <Typography.Text type="secondary">{t('activities.workbench.subtitle', { company: me.tenant.name })}</Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <WorkbenchTasks />
            {can('customers', 'view') ? <DueCustomersCard /> : null}
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <NotificationsCard />
            {can('followups', 'view') ? <RecentFollowupsCard /> : null}
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
