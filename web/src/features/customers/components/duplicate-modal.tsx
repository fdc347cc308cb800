import type { TDuplicateMatch } from '@guanxi/common/customers';
import { Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DuplicateMatches } from './duplicate-matches';

type DuplicateModalProps = { matches: TDuplicateMatch[] | null; saving: boolean; onConfirm: () => void; onCancel: () => void };

/** The server's 409 DUPLICATE: show the matches and let the user save anyway (allowDuplicate) or stop. */
export function DuplicateModal({ matches, saving, onConfirm, onCancel }: DuplicateModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={Boolean(matches)}
      title={t('customers.duplicates.modalTitle')}
      okText={t('customers.duplicates.createAnyway')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: saving }}
      onOk={onConfirm}
      onCancel={onCancel}
      width={560}
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('customers.duplicates.modalText')}</Typography.Paragraph>
        <DuplicateMatches matches={matches ?? []} />
      </Flex>
    </Modal>
  );
}
