// A lazy unit tree: each level is fetched from GET /units/tree?parentId= when it is opened.
import { Box, Group, Loader, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, toQuery } from '../api/client';
import type { TUnit } from '../api/types';
import { ErrorAlert } from './ui';

function useLevel(parentId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['units', 'tree', parentId ?? 'root'],
    queryFn: () => api.get<{ items: TUnit[] }>(`/units/tree${toQuery({ parentId })}`),
    enabled,
  });
}

function TreeNode({ unit, depth, initiallyOpen }: { unit: TUnit; depth: number; initiallyOpen: boolean }) {
  const hasChildren = (unit.childCount ?? 0) > 0;
  const [open, setOpen] = useState(initiallyOpen && hasChildren);
  const children = useLevel(unit.id, open);
  return (
    <li role="treeitem" aria-expanded={hasChildren ? open : undefined} aria-label={unit.name}>
      <Group gap={4} wrap="nowrap" pl={depth * 14} py={2}>
        {hasChildren ? (
          <UnstyledButton onClick={() => setOpen(!open)} aria-label={open ? `Thu gọn ${unit.name}` : `Mở ${unit.name}`} w={20} ta="center" c="dimmed">
            {open ? '▾' : '▸'}
          </UnstyledButton>
        ) : <Box w={20} />}
        <Text component={Link} to={`/don-vi/${unit.id}`} size="sm" c="blue.8" style={{ textDecoration: 'none' }} lineClamp={2}>
          {unit.name}
        </Text>
        {hasChildren ? <Text size="xs" c="dimmed">({unit.childCount})</Text> : null}
        {open && children.isFetching ? <Loader size={12} /> : null}
      </Group>
      {open && children.error ? <ErrorAlert error={children.error} /> : null}
      {open && children.data ? (
        <ul role="group" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {children.data.items.map((c) => <TreeNode key={c.id} unit={c} depth={depth + 1} initiallyOpen={false} />)}
        </ul>
      ) : null}
    </li>
  );
}

export function UnitTree() {
  const roots = useLevel(null, true);
  if (roots.error) return <ErrorAlert error={roots.error} />;
  if (!roots.data) return <Loader size="sm" />;
  return (
    <ul role="tree" aria-label="Cây đơn vị" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {roots.data.items.map((u) => <TreeNode key={u.id} unit={u} depth={0} initiallyOpen={roots.data.items.length === 1} />)}
    </ul>
  );
}
