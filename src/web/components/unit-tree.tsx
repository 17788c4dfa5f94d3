// A lazy unit tree: each level is fetched from GET /units/tree?parentId= when it is opened, 200 units at a time.
import { Box, Button, Group, Loader, Text, UnstyledButton } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, toQuery } from '../api/client';
import type { TUnit } from '../api/types';
import { ErrorAlert } from './ui';

/** Units per request of one level; a Sở of a big city has 2.000+ children, loaded page by page with "Xem thêm". */
const LEVEL_PAGE = 200;

type TLevelPage = { items: TUnit[]; total: number; page: number; pageSize: number };

function useLevel(parentId: string | null, enabled: boolean) {
  const q = useInfiniteQuery({
    queryKey: ['units', 'tree', parentId ?? 'root'],
    queryFn: ({ pageParam }) => api.get<TLevelPage>(`/units/tree${toQuery({ parentId, page: pageParam, pageSize: LEVEL_PAGE })}`),
    initialPageParam: 1,
    getNextPageParam: (last: TLevelPage) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    enabled,
  });
  const items = q.data?.pages.flatMap((p) => p.items);
  const total = q.data?.pages[0]?.total ?? 0;
  return { ...q, data: items ? { items, total } : undefined };
}

function MoreButton({ level, depth }: { level: ReturnType<typeof useLevel>; depth: number }) {
  if (!level.hasNextPage || !level.data) return null;
  return (
    <li role="none">
      <Group gap={4} pl={depth * 14 + 24} py={2}>
        <Button size="compact-xs" variant="subtle" loading={level.isFetchingNextPage} onClick={() => level.fetchNextPage()}>
          Xem thêm ({level.data.total - level.data.items.length} đơn vị)
        </Button>
      </Group>
    </li>
  );
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
          <MoreButton level={children} depth={depth + 1} />
        </ul>
      ) : null}
    </li>
  );
}

export function UnitTree() {
  const roots = useLevel(null, true);
  if (roots.error) return <ErrorAlert error={roots.error} />;
  const level = roots.data;
  if (!level) return <Loader size="sm" />;
  return (
    <ul role="tree" aria-label="Cây đơn vị" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {level.items.map((u) => <TreeNode key={u.id} unit={u} depth={0} initiallyOpen={level.items.length === 1} />)}
      <MoreButton level={roots} depth={0} />
    </ul>
  );
}
