import { ReloadOutlined } from '@ant-design/icons';
import type { TCustomer } from '@guanxi/common/customers';
import type { TDuplicateGroup, TInvalidContact } from '@guanxi/common/data-quality';
import { App, Badge, Button, Card, Empty, Flex, List, Popconfirm, Progress, Space, Table, Tabs, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { isApiError } from '../../../lib/api-client';
import { useDataQuality } from '../api/get-data-quality';
import { useDuplicateGroups, useIncomplete, useInvalidContacts } from '../api/get-findings';
import { useMergeGroup } from '../api/merge-group';
import { useScanDataQuality } from '../api/scan-data-quality';

type Props = { customerHref: (id: string) => string };

function CustomerLink({ c, href }: { c: TCustomer; href: (id: string) => string }) {
  return (
    <Flex vertical>
      <Link to={href(c.id)}>{c.name}</Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.number}</Typography.Text>
    </Flex>
  );
}

function DuplicateGroups({ customerHref }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const { data, isPending, error, refetch } = useDuplicateGroups(paging);
  const merge = useMergeGroup();
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const doMerge = async (g: TDuplicateGroup) => {
    try {
      await merge.mutateAsync({ keepId: g.customers[0]!.id, otherIds: g.customers.slice(1).map((c) => c.id) });
      message.success(t('dataQuality.merged'));
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };
  return (
    <List
      loading={isPending}
      dataSource={data?.items ?? []}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dataQuality.emptyDuplicates')} /> }}
      pagination={{ current: paging.page, pageSize: paging.pageSize, total: data?.total ?? 0, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
      renderItem={(g) => (
        <List.Item>
          <Card
            size="small"
            style={{ width: '100%' }}
            title={<Space>{g.kind === 'duplicate_name' ? <Tag color="orange">{t('dataQuality.byName')}</Tag> : <Tag color="purple">{t('dataQuality.byMobile', { key: g.key })}</Tag>}<Badge count={g.customers.length} color="#1677ff" /></Space>}
            extra={
              g.customers.length > 1 ? (
                <Popconfirm
                  title={t('dataQuality.mergeConfirm', { count: g.customers.length - 1, name: g.customers[0]!.name })}
                  onConfirm={() => void doMerge(g)}
                >
                  <Button type="primary" size="small" loading={merge.isPending}>{t('dataQuality.merge')}</Button>
                </Popconfirm>
              ) : (
                <Tag color="success">{t('dataQuality.resolved')}</Tag>
              )
            }
          >
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={g.customers}
              columns={[
                { title: t('dataQuality.customer'), render: (_, c, i) => <Space><CustomerLink c={c} href={customerHref} />{i === 0 && g.customers.length > 1 ? <Tag>{t('dataQuality.keep')}</Tag> : null}</Space> },
                { title: t('dataQuality.contact'), render: (_, c) => (c.primaryContact ? `${c.primaryContact.name} ${c.primaryContact.mobile ?? ''}` : '—') },
                { title: t('dataQuality.owner'), dataIndex: 'ownerName', width: 120, render: (v: string | null) => v ?? '—' },
                { title: t('dataQuality.completeness'), dataIndex: 'completeness', width: 160, render: (v: number) => <Progress percent={v} size="small" /> },
                { title: '', width: 80, render: (_, c) => <Link to={customerHref(c.id)}>{t('dataQuality.open')}</Link> },
              ]}
            />
          </Card>
        </List.Item>
      )}
    />
  );
}

function Incomplete({ customerHref, below }: Props & { below: number }) {
  const { t } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { data, isPending, error, refetch } = useIncomplete({ ...paging, below });
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const columns: TableProps<TCustomer>['columns'] = [
    { title: t('dataQuality.customer'), render: (_, c) => <CustomerLink c={c} href={customerHref} /> },
    { title: t('dataQuality.contact'), render: (_, c) => c.primaryContact?.name ?? '—' },
    { title: t('dataQuality.owner'), dataIndex: 'ownerName', width: 140, render: (v: string | null) => v ?? '—' },
    { title: t('dataQuality.completeness'), dataIndex: 'completeness', width: 200, render: (v: number) => <Progress percent={v} size="small" status={v < 40 ? 'exception' : 'normal'} /> },
    { title: '', width: 80, render: (_, c) => <Link to={customerHref(c.id)}>{t('dataQuality.open')}</Link> },
  ];
  return (
    <Table
      rowKey="id"
      loading={isPending}
      columns={columns}
      dataSource={data?.items ?? []}
      locale={{ emptyText: t('dataQuality.emptyIncomplete') }}
      pagination={{ current: paging.page, pageSize: paging.pageSize, total: data?.total ?? 0, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
    />
  );
}

function Invalid({ customerHref, kind }: Props & { kind: TInvalidContact['kind'] }) {
  const { t } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { data, isPending, error, refetch } = useInvalidContacts({ ...paging, kind });
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const columns: TableProps<TInvalidContact>['columns'] = [
    { title: t('dataQuality.contact'), dataIndex: 'contactName', width: 160 },
    { title: t('dataQuality.value'), dataIndex: 'value', render: (v: string) => <Typography.Text type="danger" code>{v}</Typography.Text> },
    { title: t('dataQuality.customer'), render: (_, r) => <CustomerLink c={r.customer} href={customerHref} /> },
    { title: t('dataQuality.owner'), render: (_, r) => r.customer.ownerName ?? '—', width: 140 },
    { title: '', width: 80, render: (_, r) => <Link to={`${customerHref(r.customer.id)}`}>{t('dataQuality.open')}</Link> },
  ];
  return (
    <Table
      rowKey="id"
      loading={isPending}
      columns={columns}
      dataSource={data?.items ?? []}
      locale={{ emptyText: t('dataQuality.emptyInvalid') }}
      pagination={{ current: paging.page, pageSize: paging.pageSize, total: data?.total ?? 0, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
    />
  );
}

/** 数据质量中心: the last scan, each finding with its count, and an actionable list per finding. */
export function DataQualityCentre({ customerHref }: Props) {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useDataQuality();
  const scan = useScanDataQuality();
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const running = data?.run?.status === 'running' || scan.isPending;
  const counts = data?.counts;
  const label = (text: string, n: number | undefined) => (
    <Space size={6}>
      {text}
      <Badge count={n ?? 0} overflowCount={99999} showZero color={n ? '#fa541c' : '#d9d9d9'} />
    </Space>
  );
  return (
    <Card>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          {running
            ? t('dataQuality.scanning')
            : data?.run?.finishedAt
              ? t('dataQuality.lastScan', { time: new Date(data.run.finishedAt).toLocaleString(i18n.language) })
              : t('dataQuality.neverScanned')}
        </Typography.Text>
        <Button icon={<ReloadOutlined />} loading={running} onClick={() => scan.mutate()}>{t('dataQuality.scan')}</Button>
      </Flex>
      <Tabs
        items={[
          { key: 'duplicates', label: label(t('dataQuality.tabs.duplicates'), counts?.duplicateGroups), children: <DuplicateGroups customerHref={customerHref} /> },
          {
            key: 'incomplete',
            label: label(t('dataQuality.tabs.incomplete'), counts?.lowCompleteness),
            children: (
              <Flex vertical gap={8}>
                <Typography.Text type="secondary">{t('dataQuality.below', { n: data?.threshold ?? 60 })}</Typography.Text>
                <Incomplete customerHref={customerHref} below={data?.threshold ?? 60} />
              </Flex>
            ),
          },
          { key: 'mobile', label: label(t('dataQuality.tabs.invalidMobile'), counts?.invalidMobiles), children: <Invalid customerHref={customerHref} kind="invalid_mobile" /> },
          { key: 'email', label: label(t('dataQuality.tabs.invalidEmail'), counts?.invalidEmails), children: <Invalid customerHref={customerHref} kind="invalid_email" /> },
        ]}
      />
    </Card>
  );
}
