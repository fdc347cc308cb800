import { PlusOutlined } from '@ant-design/icons';
import type { TCustomer } from '@guanxi/common/customers';
import type { TSavedView, TViewConfig } from '@guanxi/common/views';
import { Button, Card, Empty, Flex, Table, type TableProps } from 'antd';
import { cloneElement, useMemo, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import { useSignedInMe } from '../../../lib/auth';
import { useCustomers } from '../api/get-customers';
import { BulkActionsBar } from './bulk-actions-bar';
import { ColumnChooser, useColumnPreference } from './column-chooser';
import { CustomerAdvancedFilter } from './customer-advanced-filter';
import { useCustomerColumns } from './customer-columns';
import { useCustomerFilterFields } from './customer-filter-fields';
import { combinedFilter, DEFAULT_PAGE_SIZE, splitFilter, toQuery, useListState } from './customer-list-state';
import { CustomerToolbar } from './customer-toolbar';
import { CustomerViewsBar } from './customer-views-bar';

type CustomersListProps = {
  /** A user picker (value/onChange/placeholder are filled in): owner filter, bulk transfer. */
  userSelect: ReactElement;
  onCreate?: () => void;
  /** An export action for the list as it is filtered, with its columns (rendered beside the column chooser). */
  exportButton?: (params: { filter?: string; q?: string; sort?: string; columns: string[] }) => ReactNode;
};

/** The 客户 list: search, quick and advanced filters, saved views, columns, sorting, paging and bulk actions. */
export function CustomersList({ userSelect, onCreate, exportButton }: CustomersListProps) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [state, update] = useListState();
  const [columnKeys, setColumnKeys] = useColumnPreference(me.user.id);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const names = useRef(new Map<string, string>());
  const { data, isPending, isFetching, error, refetch } = useCustomers(toQuery(state));
  const { choices, build } = useCustomerColumns();
  const ownerInput = useMemo(
    () =>
      ({ value, onChange, multiple }: { value: unknown; onChange: (v: unknown) => void; multiple: boolean }) =>
        cloneElement(userSelect, {
          value: Array.isArray(value) ? value[0] ?? null : (value as string | null) ?? null,
          onChange: (v: string | null) => onChange(multiple ? (v ? [v] : []) : v),
        }),
    [userSelect],
  );
  const fields = useCustomerFilterFields(ownerInput);
  for (const c of data?.items ?? []) names.current.set(c.id, c.name);

  const filter = combinedFilter(state);
  const hasFilters = Boolean(filter || state.q.trim());
  const config: TViewConfig = { filter, q: state.q.trim() || null, sort: state.sort ?? null, columns: columnKeys, pageSize: state.pageSize };

  const applyView = (view: TSavedView | null) => {
    setSelected([]);
    if (!view) return update({ viewId: undefined, q: '', ...splitFilter(null), sort: undefined, page: 1 }, { push: true });
    if (view.config.columns.length) setColumnKeys(view.config.columns);
    update(
      { viewId: view.id, q: view.config.q ?? '', ...splitFilter(view.config.filter), sort: view.config.sort ?? undefined, pageSize: view.config.pageSize ?? DEFAULT_PAGE_SIZE, page: 1 },
      { push: true },
    );
  };
  const clearFilters = () => update({ q: '', ...splitFilter(null), page: 1 });

  const onTableChange: TableProps<TCustomer>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = typeof s?.columnKey === 'string' && s.order ? s.columnKey : undefined;
    update({
      page: pagination.current ?? 1,
      pageSize: pagination.pageSize ?? DEFAULT_PAGE_SIZE,
      sort: key ? `${s?.order === 'descend' ? '-' : ''}${key}` : undefined,
    });
  };

  const columns = build(columnKeys, state.sort);
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 150), 40);
  const emptyText = hasFilters ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.emptyFiltered')}>
      <Button onClick={clearFilters}>{t('customers.clearFilter')}</Button>
    </Empty>
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.empty')}>
      {onCreate ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
          {t('customers.add')}
        </Button>
      ) : null}
    </Empty>
  );

  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <CustomerViewsBar
        activeId={state.viewId}
        config={config}
        onSelect={applyView}
        extra={
          <Flex gap={8}>
            {exportButton?.({ ...toQuery(state), columns: columnKeys })}
            <ColumnChooser choices={choices} value={columnKeys} onChange={setColumnKeys} />
          </Flex>
        }
      />
      <Flex vertical gap={12} style={{ marginBottom: 12 }}>
        <CustomerToolbar
          state={state}
          onChange={(patch) => update(patch)}
          onAdvanced={() => setAdvancedOpen(true)}
          ownerFilter={
            me.role.dataScope === 'self'
              ? undefined
              : cloneElement(userSelect, {
                  value: state.ownerId ?? null,
                  onChange: (ownerId: string | null) => update({ ownerId: ownerId ?? undefined, page: 1 }),
                  placeholder: t('customers.fields.ownerId'),
                  style: { width: 120 },
                })
          }
        />
        <BulkActionsBar selected={selected} names={names.current} userSelect={userSelect} onDone={() => setSelected([])} />
      </Flex>
      <Table<TCustomer>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isPending || isFetching}
        onChange={onTableChange}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), preserveSelectedRowKeys: true, fixed: true }}
        locale={{ emptyText }}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('common.total', { count: total }),
        }}
        scroll={{ x: width }}
        data-testid="customers-table"
      />
      <CustomerAdvancedFilter
        open={advancedOpen}
        value={state.advanced}
        fields={fields}
        onClose={() => setAdvancedOpen(false)}
        onApply={(advanced) => {
          setAdvancedOpen(false);
          update({ advanced, page: 1 });
        }}
      />
    </Card>
  );
}
