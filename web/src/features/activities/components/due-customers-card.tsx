import type { TDueCustomer } from '@guanxi/common/followup-sop';
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { useCan } from '../../../lib/authorization';
import { useDictionaryLabel } from '../../../lib/dictionaries';
import { useFormatDate } from '../../../lib/format';
import { useDueCustomers } from '../api/get-due-customers';
import { FollowupFormModal } from './followup-form-modal';

/** My customers due for follow-up by the SOP (overdue first), with 写跟进 in one step. */
export function DueCustomersCard() {
  const { t } = useTranslation();
  const can = useCan();
  const date = useFormatDate();
  const label = useDictionaryLabel();
  const [writing, setWriting] = useState<TDueCustomer | null>(null);
  const { data, isPending } = useDueCustomers({ mine: 'true', withinDays: 1, pageSize: 8 });
  return (
    <Card title={t('activities.workbench.dueCustomers')} extra={data ? <Typography.Text type="secondary">{t('activities.workbench.count', { count: data.total })}</Typography.Text> : null}>
      <List
        loading={isPending}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('activities.workbench.noDueCustomers')} /> }}
        renderItem={(c) => (
          <List.Item data-testid="due-customer" actions={can('followups', 'create') ? [
            <Button key="write" size="small" type="primary" ghost onClick={() => setWriting(c)}>{t('activities.followup.write')}</Button>,
          ] : []}>
            <Flex vertical gap={2}>
              <Flex gap={8} align="center">
                <Link to={paths.customers.detail.getHref(c.id, 'followups')}>{c.name}</Link>
                <Tag bordered={false}>{label('status', c.status)}</Tag>
                {c.overdue ? <Tag color="error" bordered={false}>{t('activities.task.overdue')}</Tag> : null}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('activities.workbench.dueAt', { time: date(c.followUpDueAt) })} · {t('activities.workbench.lastFollowUp', { time: date(c.lastFollowUpAt) })}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {writing ? <FollowupFormModal open customerId={writing.id} onClose={() => setWriting(null)} /> : null}
    </Card>
  );
}
