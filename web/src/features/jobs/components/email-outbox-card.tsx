import { Alert, Card, Col, List, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import { useFormatDate } from '../../../lib/format';
import { useEmailOutbox } from '../api/get-email-outbox';

const STATES = ['pending', 'sent', 'failed', 'skipped'] as const;

/** 邮件通知: how many notification e-mails wait, went out or failed, and the latest failures with their reason. */
export function EmailOutboxCard() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const { data, error, refetch, isPending } = useEmailOutbox();
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <Card title={t('jobs.email.title')} loading={isPending} style={{ marginBottom: 16 }} data-testid="email-outbox">
      {data && !data.smtpConfigured ? <Alert type="info" showIcon message={t('jobs.email.smtpMissing')} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={16}>
        {STATES.map((s) => (
          <Col key={s} xs={12} md={6}>
            <Statistic title={t(`jobs.email.states.${s}`)} value={(data?.counts[s] ?? 0) + (s === 'pending' ? (data?.counts.sending ?? 0) : 0)}
              valueStyle={s === 'failed' && data?.counts.failed ? { color: '#cf1322' } : undefined} />
          </Col>
        ))}
      </Row>
      {data?.recentFailures.length ? (
        <List
          size="small"
          style={{ marginTop: 16 }}
          header={<Typography.Text strong>{t('jobs.email.recentFailures')}</Typography.Text>}
          dataSource={data.recentFailures}
          renderItem={(f) => (
            <List.Item>
              <Typography.Text>
                {formatDate(f.createdAt)} · {f.userName} · <Typography.Text code>{f.type}</Typography.Text> ·{' '}
                <Typography.Text type="danger">{f.error ?? '—'}</Typography.Text>
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
