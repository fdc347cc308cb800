import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDictionaryOptions } from '../../../lib/dictionaries';

/** 首要联系人: a new customer is entered with its first contact (name and mobile required). */
export function FirstContactFields() {
  const { t } = useTranslation();
  const roles = useDictionaryOptions('contact_role');
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item name={['contact', 'name']} label={t('customers.contact.name')} required>
          <Input maxLength={50} placeholder={t('customers.contact.namePlaceholder')} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={['contact', 'title']} label={t('customers.contact.title')}>
          <Input maxLength={100} placeholder={t('customers.contact.titlePlaceholder')} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={['contact', 'mobile']} label={t('customers.contact.mobile')} required>
          <Input inputMode="tel" maxLength={32} placeholder={t('customers.contact.mobilePlaceholder')} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={['contact', 'landline']} label={t('customers.contact.landline')}>
          <Input inputMode="tel" maxLength={40} placeholder="010-12345678-801" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={['contact', 'email']} label={t('customers.contact.email')}>
          <Input inputMode="email" maxLength={254} placeholder="name@company.com" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={['contact', 'role']} label={t('customers.contact.role')}>
          <Select allowClear options={roles} placeholder={t('common.choose')} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name={['contact', 'notes']} label={t('customers.contact.notes')}>
          <Input maxLength={1000} placeholder={t('customers.contact.notesPlaceholder')} />
        </Form.Item>
      </Col>
    </Row>
  );
}
