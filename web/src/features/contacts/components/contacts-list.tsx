import { CrownFilled, PhoneOutlined, SearchOutlined } from '@ant-design/icons';
import type { TContact } from '@guanxi/common/contacts';
import { Alert, Card, Empty, Flex, Input, Table, Typography, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { paths } from '../../../config/paths';
import { useDictionaryLabel } from '../../../lib/dictionaries';
import { useFormatDate } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useContacts } from '../api/get-contacts';
import { ContactChannels } from './contact-channels';

/** 联系人: search by name / mobile / email, and the incoming-call look-up by mobile in any notation (?mobile=). */
export function ContactsList({ exportButton }: { exportButton?: (params: { q?: string }) => ReactNode } = {}) {
  const { t } = useTranslation();
  const dict = useDictionaryLabel();
  const date = useFormatDate();
  const [params, setParams] = useSearchParams();
  const mobile = params.get('mobile') ?? '';
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 350);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [sort, setSort] = useState<string | undefined>(undefined);
  const { data, isPending, isFetching, error, refetch } = useContacts({ ...paging, sort, q: mobile ? undefined : q || undefined, mobile: mobile || undefined });
  const sortOrder = (key: string) => (sort === key ? 'ascend' : sort === `-${key}` ? 'descend' : null);
  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [q, mobile]);

  const columns: TableProps<TContact>['columns'] = [
    {
      title: t('contacts.name'),
      key: 'name',
      width: 180,
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (_, c) => (
        <Flex vertical>
          <Flex gap={6} align="center">
            <Typography.Text strong>{c.name}</Typography.Text>
            {c.isPrimary ? <CrownFilled style={{ color: '#faad14' }} title={t('contacts.primary')} /> : null}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[c.title, c.role ? dict('contact_role', c.role) : null].filter(Boolean).join(' · ') || '—'}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('contacts.customer'),
      key: 'customerName',
      width: 260,
      sorter: true,
      sortOrder: sortOrder('customerName'),
      ellipsis: true,
      render: (_, c) => <Link to={paths.customers.detail.getHref(c.customerId, 'contacts')}>{c.customerName ?? '—'}</Link>,
    },
    { title: t('contacts.channel'), key: 'channel', width: 260, render: (_, c) => <ContactChannels contact={c} /> },
    { title: t('contacts.notes'), dataIndex: 'notes', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('customers.fields.updatedAt'), key: 'updatedAt', dataIndex: 'updatedAt', width: 160, sorter: true, sortOrder: sortOrder('updatedAt'), render: (v: string) => date(v) },
  ];

  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <Card styles={{ body: { paddingTop: 16 } }}>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (mobile) setParams({}, { replace: true });
          }}
          placeholder={t('contacts.searchPlaceholder')}
          aria-label={t('contacts.searchPlaceholder')}
          style={{ width: 280 }}
        />
        <Input.Search
          key={mobile}
          allowClear
          defaultValue={mobile}
          prefix={<PhoneOutlined style={{ color: '#bfbfbf' }} />}
          enterButton={t('contacts.lookup')}
          onSearch={(value) => {
            setText('');
            setParams(value.trim() ? { mobile: value.trim() } : {}, { replace: true });
          }}
          placeholder={t('contacts.lookupPlaceholder')}
          aria-label={t('contacts.lookup')}
          style={{ width: 380 }}
          data-testid="phone-lookup"
        />
        {exportButton ? <div style={{ marginLeft: 'auto' }}>{exportButton({ q: q || undefined })}</div> : null}
      </Flex>
      {mobile && data ? (
        <Alert
          showIcon
          type={data.total ? 'success' : 'warning'}
          message={data.total ? t('contacts.lookupFound', { count: data.total }) : t('contacts.lookupNone', { mobile })}
          description={t('contacts.lookupHelp')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Table<TContact>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isPending || isFetching}
        onChange={(p, _filters, sorter) => {
          const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<TContact> | undefined;
          const next = s?.order && s.columnKey ? `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}` : undefined;
          setPaging({ page: next === sort ? (p.current ?? 1) : 1, pageSize: p.pageSize ?? 20 });
          setSort(next);
        }}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { count: total }) }}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contacts.empty')} /> }}
      />
    </Card>
  );
}
