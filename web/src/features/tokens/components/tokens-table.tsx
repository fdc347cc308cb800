import type { TApiToken } from '@guanxi/common/tokens';
import { Badge, Button, Card, Empty, Popconfirm, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import { useFormatDate } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useRevokeToken } from '../api/revoke-token';
import { useTokens } from '../api/get-tokens';

type Status = 'active' | 'revoked' | 'expired';

function statusOf(token: TApiToken, now: number): Status {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}

export function TokensTable() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const { data, isPending, error, refetch } = useTokens();
  const revoke = useRevokeToken();
  const now = Date.now();

  const label: Record<Status, string> = {
    active: t('tokens.statusActive'),
    revoked: t('tokens.statusRevoked'),
    expired: t('tokens.statusExpired'),
  };
  const columns: TableProps<TApiToken>['columns'] = [
    { title: t('tokens.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { title: t('tokens.prefix'), dataIndex: 'prefix', width: 180, render: (p: string) => <Typography.Text code>{`gx_${p}_…`}</Typography.Text> },
    {
      title: t('common.status'),
      key: 'status',
      width: 100,
      render: (_, token) => {
        const s = statusOf(token, now);
        return <Badge status={s === 'active' ? 'success' : 'default'} text={label[s]} />;
      },
    },
    { title: t('tokens.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDate(v) },
    {
      title: t('tokens.lastUsed'),
      dataIndex: 'lastUsedAt',
      width: 170,
      render: (v: string | null) => (v ? formatDate(v) : <Typography.Text type="secondary">{t('tokens.neverUsed')}</Typography.Text>),
    },
    { title: t('tokens.expiresAt'), dataIndex: 'expiresAt', width: 170, render: (v: string | null) => (v ? formatDate(v) : t('tokens.never')) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, token) =>
        statusOf(token, now) === 'revoked' ? null : (
          <Popconfirm
            title={t('tokens.revoke')}
            description={t('tokens.revokeConfirm', { name: token.name })}
            okText={t('tokens.revoke')}
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke.mutate(token.id, { onSuccess: () => notifySuccess(t('tokens.revoked')), onError: notifyError })}
          >
            <Button type="link" danger size="small">
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <Card>
      <Table<TApiToken>
        rowKey="id"
        columns={columns}
        dataSource={data}
        loading={isPending}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tokens.empty')} /> }}
        scroll={{ x: 900 }}
      />
    </Card>
  );
}
