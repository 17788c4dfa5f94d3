// Tab "Triển khai": the live board of the subordinate units asked to implement a plan — counts per
// status, the tree grouped as GET /plans/{id}/board returns it, a link to each unit's own plan,
// reminders for late units and the "Giao triển khai" dialog.
import { Anchor, Badge, Button, Card, Chip, Group, RingProgress, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { FormModal } from './form-modal';
import { BOARD_STATUSES, BOARD_STATUS_COLORS, BoardStatusBadge, CascadeFields, cascadeRequestOf, emptyCascadeDraft, type TCascadeDraft } from './plan-parts';
import type { TBoard, TBoardItem, TBoardNode, TBoardStatus, TCascadeResult, TPlan, TRemindResult } from './plan-types';
import { Empty, ErrorAlert, Loading, formatDateTimeVi } from './ui';
import { CASCADE_STATUS_LABELS } from '../../shared/labels';
import { foldVietnamese, formatDateVi } from '../../shared/vn';

export function CascadeDialog({ plan }: { plan: TPlan }) {
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [draft, setDraft] = useState<TCascadeDraft>(() => emptyCascadeDraft());
  const submit = async () => {
    const res = await api.post<TCascadeResult>(`/plans/${plan.id}/cascade`, cascadeRequestOf(draft));
    await qc.invalidateQueries({ queryKey: ['plans'] });
    setOpened(false);
    notifications.show({ color: 'green', message: `Đã giao ${res.added} đơn vị triển khai${res.existing ? ` (${res.existing} đơn vị đã được giao trước đó)` : ''}, hạn ${formatDateVi(res.dueDate)}` });
  };
  return (
    <>
      <Button variant="light" onClick={() => { setError(null); setOpened(true); }}>Giao triển khai</Button>
      <FormModal title="Giao đơn vị cấp dưới triển khai" opened={opened} onClose={() => setOpened(false)} onSubmit={submit} submitLabel="Giao triển khai" error={error} setError={setError}
        labels={{ dueDate: 'Hạn ban hành kế hoạch thực hiện', unitKinds: 'Loại đơn vị', clusterId: 'Cụm, khối', unitIds: 'Đơn vị' }}>
        <CascadeFields value={draft} onChange={setDraft} schoolYear={plan.schoolYear} />
      </FormModal>
    </>
  );
}

function Counts({ board }: { board: TBoard }) {
  const c = board.counts;
  const pct = (n: number) => (c.total ? (n / c.total) * 100 : 0);
  return (
    <Card withBorder padding="sm">
      <Group gap="lg" wrap="wrap" align="center">
        <RingProgress size={120} thickness={14} roundCaps={false} aria-hidden="true"
          label={<Text ta="center" size="xs"><b style={{ fontSize: 18 }}>{c.issued}/{c.total}</b><br />đã ban hành</Text>}
          sections={BOARD_STATUSES.filter((s) => c[s]).map((s) => ({ value: pct(c[s]), color: BOARD_STATUS_COLORS[s], tooltip: `${CASCADE_STATUS_LABELS[s]}: ${c[s]}` }))} />
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" style={{ flex: 1 }} role="group" aria-label="Số đơn vị theo trạng thái">
          {BOARD_STATUSES.map((s) => (
            <Card key={s} padding="xs" withBorder data-status={s} aria-label={`${CASCADE_STATUS_LABELS[s]}: ${c[s]}`}>
              <Text size="xl" fw={700} c={`${BOARD_STATUS_COLORS[s]}.7`}>{c[s].toLocaleString('vi-VN')}</Text>
              <Text size="sm">{CASCADE_STATUS_LABELS[s]}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </Group>
      <Text size="xs" c="dimmed" mt="xs">{c.total.toLocaleString('vi-VN')} đơn vị được giao · số liệu ngày {formatDateVi(board.today)}</Text>
    </Card>
  );
}

function ItemsTable({ items, label, onRemind, reminding }: { items: TBoardItem[]; label: string; onRemind?: (item: TBoardItem) => void; reminding: boolean }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped aria-label={label} fz="sm">
        <Table.Thead>
          <Table.Tr><Table.Th>Đơn vị</Table.Th><Table.Th>Trạng thái</Table.Th><Table.Th>Hạn</Table.Th><Table.Th>Kế hoạch của đơn vị</Table.Th><Table.Th>Nhắc nhở</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.taskId}>
              <Table.Td><Text size="sm">{i.unitName}</Text><Text size="xs" c="dimmed">{i.unitKindLabel}</Text></Table.Td>
              <Table.Td><BoardStatusBadge status={i.status} label={i.statusLabel} /></Table.Td>
              <Table.Td>{formatDateVi(i.dueDate)}</Table.Td>
              <Table.Td>
                {i.childPlan ? (
                  <>
                    <Anchor component={Link} to={`/ke-hoach/${i.childPlan.id}`} size="sm">{i.childPlan.numberText ? `Số ${i.childPlan.numberText}` : 'Dự thảo'}</Anchor>
                    <Text size="xs" c="dimmed">{i.childPlan.stateLabel}{i.childPlan.issuedDate ? `, ${formatDateVi(i.childPlan.issuedDate)}` : ''}</Text>
                  </>
                ) : <Text size="sm" c="dimmed">Chưa có</Text>}
              </Table.Td>
              <Table.Td>
                {i.reminderCount ? <Text size="xs" c="dimmed">Đã nhắc {i.reminderCount} lần{i.lastRemindedAt ? `, lần cuối ${formatDateTimeVi(i.lastRemindedAt)}` : ''}</Text> : null}
                {onRemind && i.status !== 'issued' ? <Button size="compact-xs" variant="subtle" disabled={reminding} onClick={() => onRemind(i)} aria-label={`Nhắc ${i.unitName}`}>Nhắc</Button> : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CountBadges({ node }: { node: TBoardNode }) {
  return (
    <Group gap={4}>
      {BOARD_STATUSES.filter((s) => node.counts[s]).map((s) => <Badge key={s} size="sm" variant="light" color={BOARD_STATUS_COLORS[s]}>{`${CASCADE_STATUS_LABELS[s]}: ${node.counts[s]}`}</Badge>)}
    </Group>
  );
}

/** A group of the tree: the units asked directly under it, then its sub-groups. */
function Group_({ node, childrenOf, itemsOf, depth, onRemind, reminding }: {
  node: TBoardNode; childrenOf: Map<string | null, TBoardNode[]>; itemsOf: Map<string, TBoardItem[]>; depth: number; onRemind?: (i: TBoardItem) => void; reminding: boolean;
}) {
  const subGroups = (childrenOf.get(node.id) ?? []).filter((n) => !n.isTask || (childrenOf.get(n.id) ?? []).length > 0);
  const items = itemsOf.get(node.id) ?? [];
  return (
    <Card withBorder padding="sm" ml={depth ? 'md' : 0}>
      <Group justify="space-between" mb="xs" wrap="wrap" gap={6}>
        <Title order={4} size="h6">{node.name}</Title>
        <CountBadges node={node} />
      </Group>
      {items.length ? <ItemsTable items={items} label={`Đơn vị thuộc ${node.name}`} onRemind={onRemind} reminding={reminding} /> : null}
      {subGroups.map((g) => <Group_ key={g.id} node={g} childrenOf={childrenOf} itemsOf={itemsOf} depth={depth + 1} onRemind={onRemind} reminding={reminding} />)}
    </Card>
  );
}

export function PlanBoard({ plan }: { plan: TPlan }) {
  const qc = useQueryClient();
  const [filter, setFilter] = useState<'all' | TBoardStatus>('all');
  const [q, setQ] = useState('');
  const board = useQuery({ queryKey: ['plans', 'board', plan.id], queryFn: () => api.get<TBoard>(`/plans/${plan.id}/board`), refetchInterval: 30_000 });
  const remind = useMutation({
    mutationFn: (unitIds?: string[]) => api.post<TRemindResult>(`/plans/${plan.id}/remind`, unitIds ? { unitIds } : {}),
    onSuccess: (r) => {
      notifications.show({ color: 'green', message: `Đã nhắc ${r.remindedUnits} đơn vị (${r.notifications} thông báo)` });
      void qc.invalidateQueries({ queryKey: ['plans', 'board', plan.id] });
    },
    onError: () => undefined,
  });
  if (board.error) return <ErrorAlert error={board.error} />;
  if (!board.data) return <Loading />;
  const b = board.data;
  const canAct = plan.canCascade;
  const actions = canAct ? (
    <Group gap="xs">
      <CascadeDialog plan={plan} />
      {b.counts.overdue ? <Button variant="light" color="red" loading={remind.isPending} onClick={() => remind.mutate(undefined)}>Nhắc nhở đơn vị quá hạn ({b.counts.overdue})</Button> : null}
    </Group>
  ) : null;
  if (!b.counts.total) {
    return (
      <Stack>
        <Empty>{plan.state === 'draft' || plan.state === 'submitted' ? 'Kế hoạch chưa ban hành: giao triển khai khi ban hành hoặc sau khi ban hành.' : 'Chưa giao đơn vị cấp dưới nào triển khai kế hoạch này.'}</Empty>
        {actions}
      </Stack>
    );
  }
  const needle = foldVietnamese(q.trim());
  const shown = b.items.filter((i) => (filter === 'all' || i.status === filter) && (!needle || foldVietnamese(i.unitName).includes(needle)));
  const shownIds = new Set(shown.map((i) => i.unitId));
  // Keep the groups that still hold a shown unit somewhere below them.
  const parentOf = new Map(b.tree.map((n) => [n.id, n.parentId]));
  const keep = new Set<string>();
  for (const id of shownIds) {
    let cur: string | null | undefined = parentOf.get(id);
    while (cur && !keep.has(cur)) { keep.add(cur); cur = parentOf.get(cur); }
  }
  const childrenOf = new Map<string | null, TBoardNode[]>();
  for (const n of b.tree) {
    if (n.isTask ? !shownIds.has(n.id) && !keep.has(n.id) : !keep.has(n.id)) continue;
    childrenOf.set(n.parentId, [...(childrenOf.get(n.parentId) ?? []), n]);
  }
  const itemsOf = new Map<string, TBoardItem[]>();
  for (const i of shown) itemsOf.set(i.groupId, [...(itemsOf.get(i.groupId) ?? []), i]);
  const topGroups = (childrenOf.get(null) ?? []).filter((n) => !n.isTask || (childrenOf.get(n.id) ?? []).length > 0);
  const direct = itemsOf.get(b.unitId) ?? [];
  const onRemind = canAct ? (i: TBoardItem) => remind.mutate([i.unitId]) : undefined;

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">{actions}</Group>
      <ErrorAlert error={remind.error} />
      <Counts board={b} />
      <Group wrap="wrap" align="flex-end">
        <Chip.Group value={filter} onChange={(v) => setFilter(v as typeof filter)}>
          <Group gap={6} role="group" aria-label="Lọc theo trạng thái">
            <Chip value="all" size="sm">{`Tất cả (${b.counts.total})`}</Chip>
            {BOARD_STATUSES.map((s) => <Chip key={s} value={s} size="sm" color={BOARD_STATUS_COLORS[s]}>{`${CASCADE_STATUS_LABELS[s]} (${b.counts[s]})`}</Chip>)}
          </Group>
        </Chip.Group>
        <TextInput placeholder="Tìm đơn vị" aria-label="Tìm đơn vị trong bảng theo dõi" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      </Group>
      {shown.length === 0 ? <Empty>Không có đơn vị phù hợp.</Empty> : null}
      {direct.length ? (
        <Card withBorder padding="sm">
          <Title order={4} size="h6" mb="xs">Trực thuộc {b.unitName}</Title>
          <ItemsTable items={direct} label={`Đơn vị trực thuộc ${b.unitName}`} onRemind={onRemind} reminding={remind.isPending} />
        </Card>
      ) : null}
      {topGroups.map((g) => <Group_ key={g.id} node={g} childrenOf={childrenOf} itemsOf={itemsOf} depth={0} onRemind={onRemind} reminding={remind.isPending} />)}
    </Stack>
  );
}
