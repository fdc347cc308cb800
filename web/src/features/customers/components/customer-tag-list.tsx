import { Flex, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTags } from '../api/get-tags';

type TagListProps = { tags: string[]; max?: number; closable?: boolean; onClose?: (tag: string) => void; extra?: ReactNode };

/** Tags in the colours their group has (GET /tags); the rest of a long list as "+3". */
export function CustomerTagList({ tags, max, closable, onClose, extra }: TagListProps) {
  const { data: all = [] } = useTags();
  const colors = new Map(all.map((t) => [t.name, t.color]));
  // A tag group's colour as a light tag (tinted background, coloured text), like antd's preset colours.
  const style = (color: string | null | undefined) =>
    color ? { color, background: `${color}14`, border: `1px solid ${color}40` } : { border: '1px solid transparent' };
  const shown = max === undefined ? tags : tags.slice(0, max);
  return (
    <Flex wrap gap={4} align="center">
      {shown.map((tag) => (
        <Tag
          key={tag}
          bordered={false}
          closable={closable}
          onClose={(e) => {
            e.preventDefault();
            onClose?.(tag);
          }}
          style={{ marginInlineEnd: 0, ...style(colors.get(tag)) }}
        >
          {tag}
        </Tag>
      ))}
      {max !== undefined && tags.length > max ? <Tag bordered={false} style={{ marginInlineEnd: 0 }}>+{tags.length - max}</Tag> : null}
      {extra}
    </Flex>
  );
}
