import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import type { TCreateExportRequest } from '@guanxi/common/imports';
import { Alert, App, Button, Dropdown, Flex, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { useCreateExport } from '../api/create-export';
import { exportDownloadUrl, useExport } from '../api/get-export';

type ExportParams = Omit<TCreateExportRequest, 'format'>;

/** "导出" on a list: the list as filtered, with its columns, to xlsx or csv; progress, then the download. */
export function ExportButton({ params }: { params: ExportParams }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useCreateExport();
  const [id, setId] = useState<string | null>(null);
  const { data: job } = useExport(id);
  const run = async (format: 'xlsx' | 'csv') => {
    try {
      const created = await create.mutateAsync({ ...params, format });
      setId(created.id);
    } catch (err) {
      message.error(isApiError(err) ? err.details[0]?.message ?? err.message : String(err));
    }
  };
  const percent = job?.total ? Math.floor((job.processed / job.total) * 100) : job?.status === 'done' ? 100 : 0;
  return (
    <>
      <Dropdown
        menu={{
          items: [
            { key: 'xlsx', label: t('exports.xlsx') },
            { key: 'csv', label: t('exports.csv') },
          ],
          onClick: ({ key }) => void run(key as 'xlsx' | 'csv'),
        }}
      >
        <Button icon={<ExportOutlined />} loading={create.isPending}>{t('exports.button')}</Button>
      </Dropdown>
      <Modal
        open={Boolean(id)}
        title={t('exports.title')}
        onCancel={() => setId(null)}
        footer={[
          <Button key="close" onClick={() => setId(null)}>{t('exports.close')}</Button>,
          job?.status === 'done' ? (
            <Button key="dl" type="primary" icon={<DownloadOutlined />} href={exportDownloadUrl(job.id)}>{t('exports.download')}</Button>
          ) : null,
        ]}
      >
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('exports.hint')}</Typography.Text>
          {job?.status === 'failed' ? (
            <Alert type="error" showIcon message={t('exports.failed', { error: job.error ?? '' })} />
          ) : (
            <>
              <Progress percent={percent} status={job?.status === 'done' ? 'success' : 'active'} />
              <Typography.Text data-testid="export-status">
                {job?.status === 'done'
                  ? t('exports.ready', { count: job.processed })
                  : job?.total
                    ? t('exports.progress', { processed: job.processed.toLocaleString(), total: job.total.toLocaleString() })
                    : t('exports.preparing')}
              </Typography.Text>
            </>
          )}
        </Flex>
      </Modal>
    </>
  );
}
