import { Col, Form, Input, Row, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../api/get-regions';

type AddressFieldsProps = { form: FormInstance; streetHidden?: boolean };

const opts = (values: string[]) => values.map((v) => ({ value: v, label: v }));

/**
 * 省 / 市 / 区 from the official division data, then the street. Three linked selects (not one cascader) so that a
 * server error on address.city lands on the city.
 */
export function CustomerAddressFields({ form, streetHidden }: AddressFieldsProps) {
  const { t } = useTranslation();
  const { data: regions = {}, isPending } = useRegions();
  const province: string | undefined = Form.useWatch(['address', 'province'], form) ?? undefined;
  const city: string | undefined = Form.useWatch(['address', 'city'], form) ?? undefined;
  const cities = province ? Object.keys(regions[province] ?? {}) : [];
  const districts = province && city ? regions[province]?.[city] ?? [] : [];

  return (
    <>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name={['address', 'province']} label={t('customers.fields.province')}>
            <Select
              allowClear
              showSearch
              loading={isPending}
              options={opts(Object.keys(regions))}
              placeholder={t('customers.provincePlaceholder')}
              onChange={() => form.setFieldsValue({ address: { city: null, district: null } })}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['address', 'city']} label={t('customers.fields.city')}>
            <Select
              allowClear
              showSearch
              disabled={!province}
              options={opts(cities)}
              placeholder={t('customers.cityPlaceholder')}
              onChange={() => form.setFieldsValue({ address: { district: null } })}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['address', 'district']} label={t('customers.fields.district')}>
            <Select allowClear showSearch disabled={!city} options={opts(districts)} placeholder={t('customers.districtPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={['address', 'street']} label={t('customers.fields.street')} extra={streetHidden ? t('customers.streetHidden') : undefined}>
        <Input maxLength={200} placeholder={t('customers.streetPlaceholder')} />
      </Form.Item>
    </>
  );
}
