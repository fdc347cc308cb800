import { SettingOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { RequirePermission } from '../../components/route-guards';
import { paths } from '../../config/paths';
import { usePools } from '../../features/pools/api/get-pools';
import { PoolCustomersTable } from '../../features/pools/components/pool-customers-table';
import { PoolRulesDrawer } from '../../features/pools/components/pool-rules-drawer';
import { UserName } from '../../features/users/components/user-name';
import { UserSelect } from '../../features/users/components/user-select';
import { useSignedInMe } from '../../lib/auth';
import { useCan } from '../../lib/authorization';

function PoolsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const can = useCan();
  const navigate = useNavigate();
  const { poolId } = useParams();
  const { data: pools, isPending, error, refetch } = usePools();
  const [rulesOpen, setRulesOpen] = useState(false);

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (isPending) return <Skeleton active />;
  const pool = pools.find((p) => p.id === poolId) ?? pools.find((p) => p.isDefault) ?? pools[0];
  const tenantAdmin = can('settings', 'manage');
  const isAdmin = tenantAdmin || Boolean(pool?.members.some((m) => m.userId === me.user.id && m.isAdmin));
  const { rules } = pool ?? {};

  return (
    <>
      <PageHeader
        title={t('pools.title')}
        description={t('pools.description')}
        extra={
          pool && tenantAdmin ? (
            <Button icon={<SettingOutlined />} onClick={() => setRulesOpen(true)}>
              {t('pools.rules')}
            </Button>
          ) : null
        }
      />
      {!pool ? (
        <Card>
          <Empty description={t('pools.none')} />
        </Card>
      ) : (
        <Card styles={{ body: { paddingTop: pools.length > 1 ? 4 : 16 } }}>
          {pools.length > 1 ? (
            <Tabs
              activeKey={pool.id}
              onChange={(id) => navigate(paths.pools.getHref(id))}
              items={pools.map((p) => ({ key: p.id, label: `${p.name} (${p.customerCount})` }))}
            />
          ) : null}
          {rules ? (
            <Flex gap={8} align="center" wrap style={{ marginBottom: 16 }}>
              <Tag color="blue" bordered={false}>
                {t('pools.customerCount', { count: pool.customerCount })}
              </Tag>
              <Typography.Text type="secondary">
                {t('pools.summary', { cap: rules.dailyClaimCap, limit: rules.holdLimit, cooldown: rules.reclaimCooldownDays })}
              </Typography.Text>
              {isAdmin ? <Tag bordered={false}>{t('pools.admin')}</Tag> : null}
            </Flex>
          ) : null}
          <PoolCustomersTable key={pool.id} pool={pool} isAdmin={isAdmin} userSelect={<UserSelect />} renderUser={(id) => <UserName id={id} />} />
        </Card>
      )}
      {pool ? <PoolRulesDrawer open={rulesOpen} pool={pool} onClose={() => setRulesOpen(false)} /> : null}
    </>
  );
}

export function PoolsRoute() {
  return (
    <RequirePermission module="customers" action="view">
      <PoolsPage />
    </RequirePermission>
  );
}
