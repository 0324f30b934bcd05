import { Badge, Group } from '@mantine/core';

/** Tags as small badges on one line; the rest is cut off by the cell. */
export function TagBadges({ tags }: { tags: string[] }) {
  return (
    <Group gap={4} wrap="nowrap">
      {tags.map((tag) => (
        <Badge key={tag} size="sm" variant="light" radius="sm">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}
