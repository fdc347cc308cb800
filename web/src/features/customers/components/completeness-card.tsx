import { CheckCircleOutlined } from '@ant-design/icons';
import { Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCompleteness } from '../api/get-completeness';
import { completenessColor } from './completeness-bar';

/** 信息完整度 as a ring, with the fields still missing (heaviest first) to fill in. */
export function CompletenessCard({ customerId, fallback }: { customerId: string; fallback: number }) {
  const { t } = useTranslation();
  const { data } = useCompleteness(customerId);
  const score = data?.score ?? fallback;
  return (
    <Flex gap={16} align="center" data-testid="completeness">
      <Progress type="circle" percent={score} size={76} strokeColor={completenessColor(score)} format={(p) => <span style={{ fontSize: 18 }}>{p}%</span>} />
      <Flex vertical gap={6} style={{ minWidth: 0 }}>
        <Typography.Text strong>{t('customers.detail.completeness')}</Typography.Text>
        {data && data.missing.length === 0 ? (
          <Typography.Text type="success">
            <CheckCircleOutlined /> {t('customers.detail.complete')}
          </Typography.Text>
        ) : (
          <Flex gap={4} wrap align="center">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('customers.detail.missing')}:
            </Typography.Text>
            {(data?.missing ?? []).slice(0, 6).map((f) => (
              <Tag key={f} bordered={false} color="orange" style={{ marginInlineEnd: 0, fontSize: 12 }}>
                {t(`customers.completenessFields.${f}`)}
              </Tag>
            ))}
            {(data?.missing.length ?? 0) > 6 ? <Typography.Text type="secondary">…</Typography.Text> : null}
          </Flex>
        )}
      </Flex>
    </Flex>
  );
}
