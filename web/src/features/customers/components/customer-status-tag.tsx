import { Tag } from 'antd';
import { useDictionaryLabel } from '../../../lib/dictionaries';

const COLORS: Record<string, string> = { potential: 'blue', intent: 'orange', won: 'green', churned: 'default' };

/** The lifecycle status (潜在 / 意向 / 成交 / 流失) in its dictionary label and a colour of its own. */
export function CustomerStatusTag({ status }: { status: string }) {
  const label = useDictionaryLabel();
  return (
    <Tag color={COLORS[status] ?? 'default'} bordered={false} style={{ marginInlineEnd: 0 }}>
      {label('status', status)}
    </Tag>
  );
}
