import dayjs, { type Dayjs } from 'dayjs';

/**
 * antd date pickers work with dayjs objects, the API with strings: these Form.Item props keep the form value a
 * string (YYYY-MM-DD for dates, ISO 8601 for times), so forms and the shared schemas never see dayjs.
 */
export const dayItemProps = {
  getValueProps: (value: unknown) => ({ value: typeof value === 'string' && value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
};

export const dateTimeItemProps = {
  getValueProps: (value: unknown) => ({ value: typeof value === 'string' && value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.toISOString() : null),
};
