import { Alert, Breadcrumb, Button, Flex, Result, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { RequirePermission } from '../../../components/route-guards';
import { paths } from '../../../config/paths';
import { CustomerTasksPanel } from '../../../features/activities/components/customer-tasks-panel';
import { FollowupsPanel } from '../../../features/activities/components/followups-panel';
import { InteractionsPanel } from '../../../features/activities/components/interactions-panel';
import { AuditTable } from '../../../features/audit/components/audit-table';
import { CustomerContacts } from '../../../features/contacts/components/customer-contacts';
import { getCustomer, useCustomer } from '../../../features/customers/api/get-customer';
import { AttachmentsPanel } from '../../../features/customers/components/attachments-panel';
import { CustomerFormDrawer } from '../../../features/customers/components/customer-form-drawer';
import { CustomerHeader } from '../../../features/customers/components/customer-header';
import { CustomerOverview } from '../../../features/customers/components/customer-overview';
import { CustomerTimeline } from '../../../features/customers/components/customer-timeline';
import { useCustomerFieldRenderers } from '../../../features/customers/components/customer-value';
import { MergeModal } from '../../../features/customers/components/merge-modal';
import { ReturnToPoolModal } from '../../../features/customers/components/return-to-pool-modal';
import { TransferModal } from '../../../features/customers/components/transfer-modal';
import { useClaimCustomers } from '../../../features/pools/api/claim-customers';
import { usePools } from '../../../features/pools/api/get-pools';
import { UserName } from '../../../features/users/components/user-name';
import { UserSelect } from '../../../features/users/components/user-select';
import { isApiError } from '../../../lib/api-client';
import { useCan } from '../../../lib/authorization';
import { notifyError, notifySuccess, notifyWarning } from '../../../lib/notify';
import { useDocumentTitle } from '../../../lib/use-document-title';

const TABS = ['overview', 'followups', 'tasks', 'interactions', 'contacts', 'timeline', 'attachments', 'audit'] as const;
type Tab = (typeof TABS)[number];
type Dialog = null | 'edit' | 'transfer' | 'return' | 'merge';

const renderUser = (id: string) => <UserName id={id} />;

function CustomerPage({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'overview';
  const { data: customer, error, isPending, refetch } = useCustomer(customerId);
  const { data: pools = [] } = usePools();
  const [dialog, setDialog] = useState<{ open: Dialog; key: number }>({ open: null, key: 0 });
  const renderers = useCustomerFieldRenderers(renderUser);
  const claim = useClaimCustomers();
  const onClaim = (poolId: string) =>
    claim.mutate(
      { poolId, ids: [customerId] },
      {
        onSuccess: (res) => (res.failed[0] ? notifyWarning(res.failed[0].message) : notifySuccess(t('pools.claimed', { count: 1 }))),
        onError: notifyError,
      },
    );
  useDocumentTitle(customer?.name ?? t('customers.title'));
  // A rep who hands a customer to a colleague may no longer see it: back to the list rather than a 404 page.
  const leaveIfOutOfScope = () => {
    getCustomer(customerId).catch((err: unknown) => {
      if (isApiError(err, 'NOT_FOUND')) navigate(paths.customers.list.getHref(), { replace: true });
    });
  };

  if (isApiError(error, 'NOT_FOUND')) {
    return (
      <Result
        status="404"
        title={t('errors.notFoundTitle')}
        subTitle={t('customers.detail.notFound')}
        extra={
          <Link to={paths.customers.list.getHref()}>
            <Button type="primary">{t('customers.detail.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (isPending) return <Skeleton active paragraph={{ rows: 10 }} />;

  const open = (which: Dialog) => setDialog((d) => ({ open: which, key: d.key + 1 }));
  const close = () => setDialog((d) => ({ ...d, open: null }));
  const items = [
    { key: 'overview', label: t('customers.detail.tabs.overview'), children: <CustomerOverview customer={customer} /> },
    ...(can('followups', 'view') ? [{ key: 'followups', label: t('activities.tabs.followups'), children: <FollowupsPanel customerId={customer.id} /> }] : []),
    ...(can('tasks', 'view') ? [{ key: 'tasks', label: t('activities.tabs.tasks'), children: <CustomerTasksPanel customerId={customer.id} userSelect={<UserSelect />} /> }] : []),
    ...(can('followups', 'view') ? [{ key: 'interactions', label: t('activities.tabs.interactions'), children: <InteractionsPanel customerId={customer.id} /> }] : []),
    { key: 'contacts', label: t('customers.detail.tabs.contacts'), children: <CustomerContacts customerId={customer.id} editable={can('customers', 'edit')} /> },
    { key: 'timeline', label: t('customers.detail.tabs.timeline'), children: <CustomerTimeline customerId={customer.id} renderUser={renderUser} /> },
    { key: 'attachments', label: t('customers.detail.tabs.attachments'), children: <AttachmentsPanel customerId={customer.id} /> },
    {
      key: 'audit',
      label: t('customers.detail.tabs.audit'),
      children: (
        <AuditTable
          record={{ entity: 'customer', entityId: customer.id }}
          lookups={{
            departmentName: () => undefined,
            roleName: () => undefined,
            renderUser,
            fieldLabel: (field) => (field.startsWith('custom.') ? renderers.label(field) : undefined),
            formatValue: (field, value) => (field === 'contact' ? undefined : renderers.value(field, value)),
          }}
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to={paths.customers.list.getHref()}>{t('customers.title')}</Link> }, { title: customer.name }]} />
      {customer.poolId ? (
        <Alert
          type="info"
          showIcon
          message={t('customers.detail.inPoolBanner')}
          action={
            <Flex gap={8}>
              {can('customers', 'create') ? (
                <Button size="small" type="primary" loading={claim.isPending} onClick={() => onClaim(customer.poolId!)}>
                  {t('pools.claim')}
                </Button>
              ) : null}
              <Link to={paths.pools.getHref(customer.poolId)}>
                <Button size="small">{t('nav.pools')}</Button>
              </Link>
            </Flex>
          }
        />
      ) : null}
      <CustomerHeader
        customer={customer}
        onEdit={() => open('edit')}
        onTransfer={() => open('transfer')}
        onReturn={() => open('return')}
        onMerge={() => open('merge')}
        onDeleted={() => navigate(paths.customers.list.getHref())}
      />
      <Tabs activeKey={tab} onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })} items={items} className="gx-customer-tabs" />
      <CustomerFormDrawer key={`edit-${dialog.key}`} open={dialog.open === 'edit'} customerId={customer.id} userSelect={<UserSelect />} onClose={close} />
      <TransferModal
        open={dialog.open === 'transfer'}
        customer={customer}
        userSelect={<UserSelect />}
        onClose={close}
        onTransferred={leaveIfOutOfScope}
      />
      <MergeModal open={dialog.open === 'merge'} customer={customer} onClose={close} />
      <ReturnToPoolModal open={dialog.open === 'return'} customer={customer} pools={pools.map((p) => ({ value: p.id, label: p.name }))} onClose={close} />
    </Flex>
  );
}

function CustomerRouteInner() {
  const { customerId = '' } = useParams();
  return <CustomerPage key={customerId} customerId={customerId} />;
}

export function CustomerRoute() {
  return (
    <RequirePermission module="customers" action="view">
      <CustomerRouteInner />
    </RequirePermission>
  );
}
