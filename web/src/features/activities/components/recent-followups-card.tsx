import { Card, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { useDictionaryLabel } from '../../../lib/dictionaries';
import { useFormatRelative } from '../../../lib/format';
import { useFollowups } from '../api/get-followups';

/** My latest follow-ups (recent activity on the workbench). */
export function RecentFollowupsCard() {
  const { t } = useTranslation();
  const relative = useFormatRelative();
  const label = useDictionaryLabel();
  const { data, isPending } = useFollowups({ mine: 'true', pageSize: 6 });
  return (
    <Card title={t('activities.workbench.recent')}>
      <List
        size="small"
        loading={isPending}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('activities.workbench.noRecent')} /> }}
        renderItem={(f) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={paths.customers.detail.getHref(f.customerId, 'followups')}>{f.customerName}</Link>}
              description={
                <>
                  <Typography.Text type="secondary">{relative(f.date)} · {label('followup_method', f.method)}</Typography.Text>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>{f.content}</Typography.Paragraph>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
