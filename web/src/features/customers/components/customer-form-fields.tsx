import { CUSTOMER_TYPES, GENDERS, RISK_LEVELS, VALUE_TIERS } from '@guanxi/common/customers';
import { Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeItemProps, dayItemProps } from '../../../components/date-field';
import { useDictionaryOptions, useNeedsNote } from '../../../lib/dictionaries';
import { useTags } from '../api/get-tags';

type FieldsProps = { form: FormInstance; ownerField: ReactNode };

const half = (node: ReactNode) => <Col span={12}>{node}</Col>;

/** 基本信息: name, type, industry (其他 asks for a note), source, size, status and owner. */
export function CustomerBasicFields({ form, ownerField }: FieldsProps) {
  const { t } = useTranslation();
  const industry: string | undefined = Form.useWatch('industry', form);
  const needsNote = useNeedsNote();
  const industries = useDictionaryOptions('industry', industry);
  const sources = useDictionaryOptions('source', Form.useWatch('source', form));
  const sizes = useDictionaryOptions('size', Form.useWatch('size', form));
  const statuses = useDictionaryOptions('status');
  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item name="name" label={t('customers.fields.name')} required extra={t('customers.nameHelp')}>
          <Input maxLength={100} placeholder={t('customers.namePlaceholder')} autoFocus />
        </Form.Item>
      </Col>
      {half(
        <Form.Item name="type" label={t('customers.fields.type')}>
          <Radio.Group optionType="button" options={CUSTOMER_TYPES.map((v) => ({ value: v, label: t(`customers.types.${v}`) }))} />
        </Form.Item>,
      )}
      {half(
        <Form.Item name="status" label={t('customers.fields.status')}>
          <Select options={statuses} />
        </Form.Item>,
      )}
      {half(
        <Form.Item name="industry" label={t('customers.fields.industry')} required>
          <Select showSearch optionFilterProp="label" options={industries} placeholder={t('common.choose')} />
        </Form.Item>,
      )}
      {half(
        needsNote('industry', industry) ? (
          <Form.Item name="industryNote" label={t('customers.fields.industryNote')} required>
            <Input maxLength={100} placeholder={t('customers.industryNotePlaceholder')} />
          </Form.Item>
        ) : (
          <Form.Item name="size" label={t('customers.fields.size')}>
            <Select allowClear options={sizes} placeholder={t('common.choose')} />
          </Form.Item>
        ),
      )}
      {half(
        <Form.Item name="source" label={t('customers.fields.source')} required>
          <Select showSearch optionFilterProp="label" options={sources} placeholder={t('common.choose')} />
        </Form.Item>,
      )}
      {needsNote('industry', industry)
        ? half(
            <Form.Item name="size" label={t('customers.fields.size')}>
              <Select allowClear options={sizes} placeholder={t('common.choose')} />
            </Form.Item>,
          )
        : null}
      {half(ownerField)}
    </Row>
  );
}

/** 业务信息: tags, tier, risk, first contact, purchasing; gender and birthday or staff and revenue by type. */
export function CustomerBusinessFields({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  const type: string | undefined = Form.useWatch('type', form);
  const { data: tags = [] } = useTags();
  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item name="tags" label={t('customers.fields.tags')} extra={t('customers.tagsHelp')}>
          <Select mode="tags" tokenSeparators={[',', '，']} options={tags.map((tag) => ({ value: tag.name, label: tag.name }))} placeholder={t('customers.tagsPlaceholder')} />
        </Form.Item>
      </Col>
      {half(
        <Form.Item name="valueTier" label={t('customers.fields.valueTier')}>
          <Select allowClear options={VALUE_TIERS.map((v) => ({ value: v, label: t('customers.tierTag', { tier: v }) }))} placeholder={t('common.choose')} />
        </Form.Item>,
      )}
      {half(
        <Form.Item name="riskLevel" label={t('customers.fields.riskLevel')}>
          <Select allowClear options={RISK_LEVELS.map((v) => ({ value: v, label: t(`customers.risks.${v}`) }))} placeholder={t('common.choose')} />
        </Form.Item>,
      )}
      {half(
        <Form.Item name="firstContactAt" label={t('customers.fields.firstContactAt')} {...dateTimeItemProps}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>,
      )}
      {half(
        <Form.Item name="purchaseFrequency" label={t('customers.fields.purchaseFrequency')} extra={t('customers.purchaseFrequencyHelp')}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>,
      )}
      {half(
        <Form.Item name="avgOrderValue" label={t('customers.fields.avgOrderValue')}>
          <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} />
        </Form.Item>,
      )}
      {type === 'individual' ? (
        <>
          {half(
            <Form.Item name="gender" label={t('customers.fields.gender')}>
              <Radio.Group options={GENDERS.map((v) => ({ value: v, label: t(`customers.genders.${v}`) }))} />
            </Form.Item>,
          )}
          {half(
            <Form.Item name="birthday" label={t('customers.fields.birthday')} {...dayItemProps}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>,
          )}
        </>
      ) : (
        <>
          {half(
            <Form.Item name="staffCount" label={t('customers.fields.staffCount')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>,
          )}
          {half(
            <Form.Item name="annualRevenue" label={t('customers.fields.annualRevenue')}>
              <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} />
            </Form.Item>,
          )}
        </>
      )}
      <Col span={24}>
        <Form.Item name="requirement" label={t('customers.fields.requirement')}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('customers.requirementPlaceholder')} />
        </Form.Item>
      </Col>
      {half(
        <Form.Item name={['preferences', 'product']} label={t('customers.fields.productPreference')}>
          <Input maxLength={500} placeholder={t('customers.productPreferencePlaceholder')} />
        </Form.Item>,
      )}
      {half(
        <Form.Item name={['preferences', 'communication']} label={t('customers.fields.communicationPreference')}>
          <Input maxLength={500} placeholder={t('customers.communicationPreferencePlaceholder')} />
        </Form.Item>,
      )}
    </Row>
  );
}
