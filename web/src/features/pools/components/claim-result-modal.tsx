import type { TBulkResult } from '@guanxi/common/customers';
import { Alert, Flex, List, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type ClaimResultModalProps = { result: TBulkResult | null; names: ReadonlyMap<string, string>; onClose: () => void };

/** Customers that could not be claimed or assigned, each with the reason (daily cap, holding limit, cooldown…). */
export function ClaimResultModal({ result, names, onClose }: ClaimResultModalProps) {
  const { t } = useTranslation();
  return (
    <Modal open={Boolean(result)} title={t('customers.bulk.resultTitle')} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} width={560}>
      {result ? (
        <Flex vertical gap={12} data-testid="claim-result">
          <Alert type={result.done.length ? 'warning' : 'error'} showIcon message={t('customers.bulk.resultSummary', { done: result.done.length, failed: result.failed.length })} />
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
