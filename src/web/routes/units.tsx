// Đơn vị: the lazy tree beside a searchable, paginated list (search works without diacritics).
import { Badge, Card, Grid, Group, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, toQuery } from '../api/client';
import type { TPage, TUnit } from '../api/types';
import { UnitTree } from '../components/unit-tree';
import { Empty, ErrorAlert, Loading, PageTitle, Pager } from '../components/ui';
import { UNIT_KINDS, UNIT_KIND_LABELS, UNIT_STATUS_LABELS } from '../../shared/labels';
import { useListParams } from '../components/use-list-params';

const PAGE_SIZE = 20;

export default function UnitsPage() {
  const { params, q, setQ, debounced, page, update } = useListParams();
  const kind = params.get('kind') ?? '';
  const status = params.get('status') ?? 'active';
  const list = useQuery({
    queryKey: ['units', 'list', debounced, kind, status, page],
    queryFn: () => api.get<TPage<TUnit>>(`/units${toQuery({ q: debounced, kind, status, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageTitle>Đơn vị</PageTitle>
      <Grid>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }} order={{ base: 2, md: 1 }}>
          <Card withBorder padding="sm">
            <Title order={3} size="h5" mb="xs">Cây đơn vị</Title>
            <UnitTree />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }} order={{ base: 1, md: 2 }}>
          <Card withBorder padding="sm">
            <Group grow preventGrowOverflow={false} wrap="wrap" mb="sm" align="flex-end">
              <TextInput label="Tìm đơn vị" placeholder="Tên hoặc mã, gõ không dấu cũng được" value={q} miw={200}
                onChange={(e) => { setQ(e.currentTarget.value); update({ q: e.currentTarget.value, page: '' }); }} />
              <Select label="Loại đơn vị" placeholder="Tất cả" clearable value={kind || null} miw={180}
                data={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))} onChange={(v) => update({ kind: v ?? '', page: '' })} />
              <Select label="Trạng thái" value={status} miw={150} allowDeselect={false}
                data={Object.entries(UNIT_STATUS_LABELS).map(([value, label]) => ({ value, label }))} onChange={(v) => update({ status: v ?? 'active', page: '' })} />
            </Group>
            <ErrorAlert error={list.error} />
            {list.isPending ? <Loading /> : list.data && list.data.items.length === 0 ? <Empty>Không có đơn vị phù hợp.</Empty> : list.data ? (
              <Table.ScrollContainer minWidth={480}>
                <Table striped highlightOnHover aria-label="Danh sách đơn vị">
                  <Table.Thead>
                    <Table.Tr><Table.Th>Tên đơn vị</Table.Th><Table.Th>Loại</Table.Th><Table.Th>Cấp trên</Table.Th><Table.Th>Mã</Table.Th></Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.items.map((u) => (
                      <Table.Tr key={u.id}>
                        <Table.Td>
                          <Text component={Link} to={`/don-vi/${u.id}`} c="blue.8" size="sm">{u.name}</Text>
                          {u.status !== 'active' ? <Badge ml={6} size="xs" color="gray">{u.statusLabel}</Badge> : null}
                        </Table.Td>
                        <Table.Td><Text size="sm">{u.kindLabel}</Text></Table.Td>
                        <Table.Td><Text size="sm">{u.parentName ?? ''}</Text></Table.Td>
                        <Table.Td><Text size="sm" c="dimmed">{u.code}</Text></Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
            {list.data ? <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(p) => update({ page: String(p) })} /> : null}
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
