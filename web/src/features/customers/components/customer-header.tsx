import { DeleteOutlined, DownOutlined, EditOutlined, InboxOutlined, LockOutlined, MergeCellsOutlined, SwapOutlined } from '@ant-design/icons';
import type { TCustomer } from '@guanxi/common/customers';
import { App, Avatar, Button, Card, Col, Dropdown, Flex, Row, Tag, Tooltip, Typography, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../lib/auth';
import { useCan } from '../../../lib/authorization';
import { formatMobile, useFormatDate } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useDeleteCustomer } from '../api/delete-customer';
import { CompletenessCard } from './completeness-card';
import { CustomerStatusTag } from './customer-status-tag';
import { CustomerTagsEditor } from './customer-tags-editor';
import { PoolDaysTag } from './pool-days-tag';

type HeaderProps = {
  customer: TCustomer;
  onEdit: () => void;
  onTransfer: () => void;
  onReturn: () => void;
  onMerge: () => void;
  onDeleted: () => void;
};

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Flex gap={6} align="center">
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Typography.Text>{children}</Typography.Text>
    </Flex>
  );
}

/** The top of the customer 360 page: who it is, whose it is, its tags, completeness, and what can be done. */
export function CustomerHeader({ customer: c, onEdit, onTransfer, onReturn, onMerge, onDeleted }: HeaderProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const me = useSignedInMe();
  const can = useCan();
  const date = useFormatDate();
  const remove = useDeleteCustomer();
  const owned = c.ownerId === me.user.id;
  const canReturn = !c.poolId && (owned || can('customers', 'transfer'));

  const more: MenuProps['items'] = [
    ...(canReturn ? [{ key: 'return', icon: <InboxOutlined />, label: t('customers.returnToPool') }] : []),
    ...(can('customers', 'edit') && can('customers', 'delete') ? [{ key: 'merge', icon: <MergeCellsOutlined />, label: t('customers.merge.action') }] : []),
    ...(can('customers', 'delete') ? [{ key: 'delete', icon: <DeleteOutlined />, label: t('common.delete'), danger: true }] : []),
  ];
  const confirmDelete = () =>
    modal.confirm({
      title: t('customers.deleteConfirm', { name: c.name }),
      content: t('customers.deleteHelp'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await remove.mutateAsync(c.id);
          notifySuccess(t('customers.deletedToBin'));
          onDeleted();
        } catch (error) {
          notifyError(error);
        }
      },
    });

  return (
    <Card className="gx-customer-header">
      <Row gutter={[24, 16]} align="middle">
        <Col xs={24} xl={16}>
          <Flex gap={16} align="flex-start">
            <Avatar size={56} shape="square" style={{ background: '#e6f4ff', color: '#1677ff', fontSize: 24, flex: 'none' }}>
              {c.name.slice(0, 1)}
            </Avatar>
            <Flex vertical gap={8} style={{ minWidth: 0 }}>
              <Flex gap={8} align="center" wrap>
                <Typography.Title level={3} style={{ margin: 0 }}>
                  {c.name}
                </Typography.Title>
                <CustomerStatusTag status={c.status} />
                <Tag bordered={false} style={{ marginInlineEnd: 0 }}>
                  {t(`customers.types.${c.type}`)}
                </Tag>
                {c.valueTier ? (
                  <Tag bordered={false} color="gold" style={{ marginInlineEnd: 0 }}>
                    {t('customers.tierTag', { tier: c.valueTier })}
                  </Tag>
                ) : null}
                <PoolDaysTag days={c.poolDaysLeft} />
                {c.locked ? (
                  <Tooltip title={t('customers.locked')}>
                    <LockOutlined style={{ color: '#8c8c8c' }} />
                  </Tooltip>
                ) : null}
              </Flex>
              <Flex gap={20} wrap>
                <Meta label={t('customers.detail.number')}>{c.number}</Meta>
                <Meta label={t('customers.detail.owner')}>{c.poolId ? t('customers.inPool') : c.ownerName ?? '—'}</Meta>
                {c.primaryContact ? (
                  <Meta label={t('customers.fields.primaryContact')}>
                    {c.primaryContact.name} {formatMobile(c.primaryContact.mobile)}
                  </Meta>
                ) : null}
                <Meta label={t('customers.fields.lastFollowUpAt')}>{date(c.lastFollowUpAt)}</Meta>
                <Typography.Text type="secondary">{t('customers.detail.createdAt', { date: date(c.createdAt) })}</Typography.Text>
              </Flex>
              <CustomerTagsEditor customer={c} editable={can('customers', 'edit') && !c.deletedAt} />
            </Flex>
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16} align="flex-end" className="gx-customer-header-side">
            <Flex gap={8} wrap justify="flex-end">
              {can('customers', 'edit') && (!c.poolId || can('settings', 'manage')) ? (
                <Button type="primary" icon={<EditOutlined />} onClick={onEdit}>
                  {t('customers.detail.edit')}
                </Button>
              ) : null}
              {can('customers', 'transfer') && !c.poolId ? (
                <Button icon={<SwapOutlined />} onClick={onTransfer}>
                  {t('customers.transfer')}
                </Button>
              ) : null}
              {more.length ? (
                <Dropdown trigger={['click']} menu={{ items: more, onClick: ({ key }) => (key === 'delete' ? confirmDelete() : key === 'merge' ? onMerge() : onReturn()) }}>
                  <Button>
                    {t('customers.detail.more')} <DownOutlined />
                  </Button>
                </Dropdown>
              ) : null}
            </Flex>
            <CompletenessCard customerId={c.id} fallback={c.completeness} />
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}
