import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import type { TRole } from '@guanxi/common/roles';
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../lib/i18n';
import { roleDisplayName } from '../../../lib/role-name';

type RoleListProps = {
  roles: TRole[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  canCreate: boolean;
  onCreate: () => void;
};

export function RoleList({ roles, selectedId, onSelect, canCreate, onCreate }: RoleListProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card
      title={t('roles.listTitle')}
      extra={
        canCreate ? (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={onCreate}>
            {t('roles.add')}
          </Button>
        ) : null
      }
      styles={{ body: { padding: 8 } }}
    >
      <List
        dataSource={roles}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('roles.empty')} /> }}
        renderItem={(role) => (
          <List.Item
            className={`gx-role-item${role.id === selectedId ? ' gx-active' : ''}`}
            onClick={() => onSelect(role.id)}
            role="button"
            aria-current={role.id === selectedId ? 'true' : undefined}
          >
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text strong ellipsis>
                  {roleDisplayName(role, locale)}
                </Typography.Text>
                {role.isSystem ? (
                  <Tag bordered={false} style={{ marginInlineEnd: 0 }}>
                    {t('roles.system')}
                  </Tag>
                ) : null}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <TeamOutlined /> {t('roles.userCount', { count: role.userCount })} · {t(`dataScopes.${role.dataScope}`)}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
