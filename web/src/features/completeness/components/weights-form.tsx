import { COMPLETENESS_FIELDS, DEFAULT_COMPLETENESS_WEIGHTS, ZCompletenessWeights, type CompletenessField } from '@guanxi/common/completeness';
import { Button, Card, Col, Flex, Form, InputNumber, Row, Skeleton, Slider, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import { useSchemaForm } from '../../../lib/form';
import { notifySuccess } from '../../../lib/notify';
import { useWeights } from '../api/get-weights';
import { useUpdateWeights } from '../api/update-weights';

const GROUPS: Record<'customer' | 'contact', CompletenessField[]> = {
  customer: COMPLETENESS_FIELDS.filter((f) => !f.startsWith('contact.')),
  contact: COMPLETENESS_FIELDS.filter((f) => f.startsWith('contact.')),
};

function WeightRow({ field, total }: { field: CompletenessField; total: number }) {
  const { t } = useTranslation();
  const value: number = Form.useWatch(['weights', field]) ?? 0;
  return (
    <Row gutter={16} align="middle" className="gx-weight-row">
      <Col span={7}>
        <Typography.Text>{t(`customers.completenessFields.${field}`)}</Typography.Text>
      </Col>
      <Col span={10}>
        <Form.Item name={['weights', field]} noStyle>
          <Slider min={0} max={30} />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item name={['weights', field]} style={{ margin: 0 }}>
          <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} aria-label={t(`customers.completenessFields.${field}`)} />
        </Form.Item>
      </Col>
      <Col span={3} style={{ textAlign: 'right' }}>
        <Typography.Text type="secondary">{total ? `${Math.round((value / total) * 100)}%` : '—'}</Typography.Text>
      </Col>
    </Row>
  );
}

/** 完整度权重: a weight per field; the score is the weight of the filled fields over all weights. */
export function WeightsForm() {
  const { t } = useTranslation();
  const { data, isPending, error, refetch } = useWeights();
  const update = useUpdateWeights();
  const { form, formProps, submitting } = useSchemaForm({
    schema: ZCompletenessWeights,
    prepare: (values) => ({ weights: values.weights, version: data?.version }),
    onSubmit: async (body) => {
      await update.mutateAsync(body);
      notifySuccess(t('completenessAdmin.saved'));
    },
    onConflict: () => void refetch(),
  });
  useEffect(() => {
    if (data) form.setFieldsValue({ weights: data.weights });
  }, [data, form]);
  const weights: Record<string, number> = Form.useWatch('weights', form) ?? {};
  const total = Object.values(weights).reduce((sum, w) => sum + (Number(w) || 0), 0);

  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (isPending) return <Skeleton active />;
  return (
    <Form {...formProps} name="completeness" layout="vertical">
      <Row gutter={[20, 20]}>
        {(['customer', 'contact'] as const).map((group) => (
          <Col xs={24} xl={12} key={group}>
            <Card title={t(`completenessAdmin.groups.${group}`)} styles={{ body: { paddingTop: 8 } }}>
              <Row gutter={16} className="gx-weight-head">
                <Col span={7}>{t('completenessAdmin.field')}</Col>
                <Col span={14}>{t('completenessAdmin.weight')}</Col>
                <Col span={3} style={{ textAlign: 'right' }}>
                  {t('completenessAdmin.share')}
                </Col>
              </Row>
              {GROUPS[group].map((field) => (
                <WeightRow key={field} field={field} total={total} />
              ))}
            </Card>
          </Col>
        ))}
      </Row>
      <Card style={{ marginTop: 20 }}>
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Typography.Text strong>{t('completenessAdmin.total', { total })}</Typography.Text>
          <Flex gap={8}>
            <Button onClick={() => form.setFieldsValue({ weights: DEFAULT_COMPLETENESS_WEIGHTS })}>{t('completenessAdmin.reset')}</Button>
            <Button type="primary" htmlType="submit" loading={submitting}>
              {t('common.save')}
            </Button>
          </Flex>
        </Flex>
      </Card>
    </Form>
  );
}
