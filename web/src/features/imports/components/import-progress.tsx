import { DownloadOutlined } from '@ant-design/icons';
import type { TImport } from '@guanxi/common/imports';
import { Alert, Button, Col, Flex, Popconfirm, Progress, Result, Row, Spin, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { useCancelImport } from '../api/cancel-import';
import { useImport } from '../api/get-import';
import { useResumeImport } from '../api/resume-import';
import { importErrorsUrl } from '../api/get-imports';

/** Seconds as 1:05 or 1:02:03. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

function Counts({ job }: { job: TImport }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16} style={{ width: '100%', maxWidth: 640 }}>
      <Col span={6}><Statistic title={t('imports.created')} value={job.created} valueStyle={{ color: '#389e0d' }} /></Col>
      <Col span={6}><Statistic title={t('imports.updated')} value={job.updated} valueStyle={{ color: '#1677ff' }} /></Col>
      <Col span={6}><Statistic title={t('imports.skipped')} value={job.skipped} /></Col>
      <Col span={6}><Statistic title={t('imports.failed')} value={job.failed} valueStyle={{ color: job.failed ? '#cf1322' : undefined }} /></Col>
    </Row>
  );
}

/** A running import: progress bar (rows done, rate, time left) and cancel; then the result with the error report. */
export function ImportProgress({ id, onAnother, customersHref }: { id: string; onAnother: () => void; customersHref: string }) {
  const { t } = useTranslation();
  const { data: job, error, refetch } = useImport(id);
  const cancel = useCancelImport();
  const resume = useResumeImport();
  if (error && !job) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!job) return <Spin />;

  const errorsButton = job.failed > 0 ? (
    <Button key="errors" type="primary" danger icon={<DownloadOutlined />} href={importErrorsUrl(job.id)}>{t('imports.downloadErrors')}</Button>
  ) : null;
  const actions = [
    errorsButton,
    <Button key="another" onClick={onAnother}>{t('imports.importAnother')}</Button>,
    <Link key="customers" to={customersHref}><Button>{t('imports.viewCustomers')}</Button></Link>,
  ];

  if (job.status === 'queued' || job.status === 'running' || job.status === 'uploaded') {
    const percent = job.total ? Math.floor((job.processed / job.total) * 100) : 0;
    return (
      <Flex vertical gap={16} align="center" style={{ padding: '24px 0' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{job.status === 'running' ? t('imports.running') : t('imports.queued')}</Typography.Title>
        <Progress percent={percent} status="active" style={{ maxWidth: 640 }} />
        <Typography.Text data-testid="import-progress">
          {job.total === null ? t('imports.counting') : t('imports.progress', { processed: job.processed.toLocaleString(), total: job.total.toLocaleString() })}
          {job.rate ? ` · ${t('imports.rate', { rate: Math.round(job.rate).toLocaleString() })}` : ''}
          {job.etaSeconds !== null ? ` · ${t('imports.eta', { time: formatDuration(job.etaSeconds) })}` : ''}
        </Typography.Text>
        <Counts job={job} />
        <Popconfirm title={t('imports.cancelConfirm')} onConfirm={() => cancel.mutate(job.id)}>
          <Button danger loading={cancel.isPending}>{t('imports.cancel')}</Button>
        </Popconfirm>
      </Flex>
    );
  }
  if (job.status === 'done') {
    return (
      <Result
        status={job.failed ? 'warning' : 'success'}
        title={t('imports.doneTitle')}
        subTitle={t('imports.doneSub', { processed: job.processed.toLocaleString() })}
        extra={actions}
      >
        <Flex vertical align="center" gap={16}>
          <Counts job={job} />
          {job.failed ? <Alert type="info" showIcon message={t('imports.errorsHelp')} style={{ maxWidth: 640 }} /> : null}
        </Flex>
      </Result>
    );
  }
  const failed = job.status === 'failed';
  return (
    <Result
      status={failed ? 'error' : 'info'}
      title={failed ? t('imports.failedTitle') : t('imports.cancelledTitle')}
      subTitle={failed ? t(`imports.failureReasons.${job.error ?? ''}`, { defaultValue: job.error ?? '' }) : t('imports.cancelledSub', { processed: job.processed.toLocaleString() })}
      extra={failed ? [
        <Button key="resume" type="primary" loading={resume.isPending} onClick={() => resume.mutate(job.id)}>{t('imports.resume')}</Button>, ...actions,
      ] : actions}
    >
      <Flex justify="center"><Counts job={job} /></Flex>
    </Result>
  );
}
