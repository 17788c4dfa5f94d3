// Một đơn vị: breadcrumb of its ancestors, details, children, its staff, the history timeline and
// the actions the account's permissions allow.
import { Anchor, Badge, Breadcrumbs, Button, Card, Group, SimpleGrid, Stack, Table, Tabs, Text, Timeline } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, toQuery } from '../api/client';
import type { TPage, TPerson, TUnit, TUnitDetail, TUnitEvent } from '../api/types';
import { useCan } from '../auth';
import { Empty, ErrorAlert, Loading, PageTitle, Pager, formatDateTimeVi } from '../components/ui';
import { formatDateVi } from '../../shared/vn';
import { AddChildUnit, EditUnit, MergeUnits, MoveUnit, RenameUnit, SplitUnit } from './unit-actions';

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{value || '—'}</Text>
    </div>
  );
}

function Children({ unitId }: { unitId: string }) {
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['units', 'children', unitId, page],
    queryFn: () => api.get<TPage<TUnit>>(`/units${toQuery({ parentId: unitId, status: 'active', page, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
  });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  if (!q.data.total) return <Empty>Không có đơn vị trực thuộc.</Empty>;
  return (
    <>
      <Table.ScrollContainer minWidth={400}>
        <Table striped aria-label="Đơn vị trực thuộc">
          <Table.Thead><Table.Tr><Table.Th>Tên đơn vị</Table.Th><Table.Th>Loại</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {q.data.items.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td><Anchor component={Link} to={`/don-vi/${u.id}`} size="sm">{u.name}</Anchor></Table.Td>
                <Table.Td><Text size="sm">{u.kindLabel}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager page={page} pageSize={20} total={q.data.total} onChange={setPage} />
    </>
  );
}

function People({ unitId }: { unitId: string }) {
  const q = useQuery({ queryKey: ['people', 'unit', unitId], queryFn: () => api.get<TPage<TPerson>>(`/people${toQuery({ unitId, pageSize: 10 })}`) });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  return (
    <Stack gap="xs">
      {q.data.total === 0 ? <Empty>Đơn vị chưa có cán bộ.</Empty> : (
        <Table.ScrollContainer minWidth={400}>
          <Table striped aria-label="Cán bộ của đơn vị">
            <Table.Thead><Table.Tr><Table.Th>Họ và tên</Table.Th><Table.Th>Chức vụ</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {q.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td><Anchor component={Link} to={`/can-bo/${p.id}`} size="sm">{p.fullName}</Anchor></Table.Td>
                  <Table.Td><Text size="sm">{p.position ?? ''}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Button component={Link} to={`/can-bo?unitId=${unitId}`} variant="light" w="fit-content">Mở trong trang Cán bộ</Button>
    </Stack>
  );
}

function History({ unitId }: { unitId: string }) {
  const q = useQuery({ queryKey: ['units', 'history', unitId], queryFn: () => api.get<{ items: TUnitEvent[] }>(`/units/${unitId}/history`) });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  if (!q.data.items.length) return <Empty>Chưa có sự kiện nào.</Empty>;
  return (
    <Timeline bulletSize={14} lineWidth={2} active={q.data.items.length}>
      {q.data.items.map((e) => {
        const reason = e.details && typeof e.details === 'object' && 'reason' in e.details ? String((e.details as { reason?: unknown }).reason ?? '') : '';
        return (
          <Timeline.Item key={e.id} title={`${formatDateVi(e.effectiveDate)} – ${e.eventLabel}`}>
            {e.relatedUnitName ? (
              <Text size="sm">{e.relatedUnitId ? <Anchor component={Link} to={`/don-vi/${e.relatedUnitId}`}>{e.relatedUnitName}</Anchor> : e.relatedUnitName}</Text>
            ) : null}
            {reason ? <Text size="sm">Lý do: {reason}</Text> : null}
            <Text size="xs" c="dimmed">{e.actorName ? `${e.actorName}, ` : ''}ghi nhận {formatDateTimeVi(e.createdAt)}</Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

export default function UnitDetailPage() {
  const { id = '' } = useParams();
  const canWrite = useCan('unit.write');
  const canStructure = useCan('unit.structure');
  const q = useQuery({ queryKey: ['units', 'detail', id], queryFn: () => api.get<TUnitDetail>(`/units/${id}`) });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const u = q.data;
  const active = u.status === 'active';

  return (
    <Stack>
      <Breadcrumbs separator="›" style={{ flexWrap: 'wrap' }}>
        <Anchor component={Link} to="/don-vi" size="sm">Đơn vị</Anchor>
        {u.ancestors.map((a) => <Anchor key={a.id} component={Link} to={`/don-vi/${a.id}`} size="sm">{a.name}</Anchor>)}
        <Text size="sm">{u.name}</Text>
      </Breadcrumbs>
      <PageTitle actions={active ? (
        <>
          {canStructure ? <AddChildUnit parent={u} /> : null}
          {canWrite ? <EditUnit unit={u} /> : null}
          {canStructure ? <RenameUnit unit={u} /> : null}
          {canStructure ? <MoveUnit unit={u} /> : null}
          {canStructure ? <MergeUnits unit={u} /> : null}
          {canStructure ? <SplitUnit unit={u} /> : null}
        </>
      ) : null}>
        {u.name} {!active ? <Badge color="gray" ml="xs">{u.statusLabel}</Badge> : null}
      </PageTitle>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
          <Field label="Loại đơn vị" value={u.kindLabel} />
          <Field label="Mã đơn vị" value={u.code} />
          <Field label="Trạng thái" value={u.statusLabel} />
          <Field label="Tên ngắn / viết tắt" value={[u.shortName, u.abbreviation].filter(Boolean).join(' / ')} />
          <Field label="Đơn vị cấp trên" value={u.parentName} />
          <Field label="Cấp trên về chuyên môn" value={u.profParentName} />
          <Field label="Địa chỉ" value={u.address} />
          <Field label="Điện thoại" value={u.phone} />
          <Field label="Thư điện tử" value={u.email} />
          <Field label="Hoạt động từ" value={formatDateVi(u.validFrom)} />
          {u.validTo ? <Field label="Đến" value={formatDateVi(u.validTo)} /> : null}
          <Field label="Số cán bộ" value={(u.peopleCount ?? 0).toLocaleString('vi-VN')} />
        </SimpleGrid>
      </Card>
      <Tabs defaultValue="children" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="children">Đơn vị trực thuộc</Tabs.Tab>
          <Tabs.Tab value="people">Cán bộ</Tabs.Tab>
          <Tabs.Tab value="history">Lịch sử</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="children" pt="sm"><Children unitId={u.id} /></Tabs.Panel>
        <Tabs.Panel value="people" pt="sm"><People unitId={u.id} /></Tabs.Panel>
        <Tabs.Panel value="history" pt="sm"><History unitId={u.id} /></Tabs.Panel>
      </Tabs>
      <Group />
    </Stack>
  );
}
