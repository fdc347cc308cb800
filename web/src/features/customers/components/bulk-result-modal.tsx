import type { TBulkResult } from '@guanxi/common/customers';
import { Alert, Flex, List, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type BulkResultModalProps = { result: TBulkResult | null; names: ReadonlyMap<string, string>; onClose: () => void };

/** What a bulk action could not do, row by row, with the server's reason (each row is done or untouched). */
export function BulkResultModal({ result, names, onClose }: BulkResultModalProps) {
  const { t } = useTranslation();
  return (
    <Modal open={Boolean(result)} title={t('customers.bulk.resultTitle')} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} width={560}>
      {result ? (
        <Flex vertical gap={12}>
          <Alert
            type={result.done.length ? 'warning' : 'error'}
            showIcon
            message={t('customers.bulk.resultSummary', { done: result.done.length, failed: result.failed.length })}
          />
          <List
            size="small"
            bordered
            dataSource={result.failed}
            style={{ maxHeight: 360, overflow: 'auto' }}
            renderItem={(f) => (
              <List.Item>
                <Flex vertical>
                  <Typography.Text strong>{names.get(f.id) ?? f.id}</Typography.Text>
                  <Typography.Text type="danger">{f.message}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Flex>
      ) : null}
    </Modal>
  );
}
