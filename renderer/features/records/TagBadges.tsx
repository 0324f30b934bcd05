import { Badge, Group } from '@mantine/core';

/** Tags as small badges on one line, the rest cut off by the cell; or on as many lines as they need. */
export function TagBadges({ tags, wrap = false }: { tags: string[]; wrap?: boolean }) {
  return (
    <Group gap={4} wrap={wrap ? 'wrap' : 'nowrap'}>
      {tags.map((tag) => (
        <Badge key={tag} size="sm" variant="light" radius="sm">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}
