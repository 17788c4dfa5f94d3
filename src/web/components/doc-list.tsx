// Văn bản tab: the documents the user may see, paginated, filtered by kind, status and a search
// on the trích yếu (without diacritics).
import { Card, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, toQuery } from '../api/client';
import type { TPage } from '../api/types';
import { formatDateVi } from '../../shared/vn';
import { Empty, ErrorAlert, Loading, Pager } from './ui';
import { DOCUMENT_KIND_LABELS, DocumentStatusBadge, bareNumber, type TDocument } from './doc-shared';
import { useListParams } from './use-list-params';

const PAGE_SIZE = 20;

export function DocumentList() {
  const { params, q, setQ, debounced, page, update } = useListParams();
  const kind = params.get('kind') ?? '';
  const status = params.get('status') ?? '';
  const list = useQuery({
    queryKey: ['documents', 'list', debounced, kind, status, page],
    queryFn: () => api.get<TPage<TDocument>>(`/documents${toQuery({ q: debounced, kind, status, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });

  return (
    <Card withBorder padding="sm">
      <Group grow preventGrowOverflow={false} wrap="wrap" mb="sm" align="flex-end">
        <TextInput label="Tìm theo trích yếu" placeholder="Gõ không dấu cũng được" value={q} miw={220}
          onChange={(e) => { setQ(e.currentTarget.value); update({ q: e.currentTarget.value, page: '' }); }} />
        <Select label="Loại văn bản" placeholder="Tất cả" clearable value={kind || null} miw={220}
          data={Object.entries(DOCUMENT_KIND_LABELS).map(([value, label]) => ({ value, label }))} onChange={(v) => update({ kind: v ?? '', page: '' })} />
        <Select label="Trạng thái" placeholder="Tất cả" clearable value={status || null} miw={160}
          data={[{ value: 'draft', label: 'Dự thảo' }, { value: 'issued', label: 'Đã ban hành' }]} onChange={(v) => update({ status: v ?? '', page: '' })} />
      </Group>
      <ErrorAlert error={list.error} />
      {list.isPending ? <Loading /> : list.data && list.data.items.length === 0 ? <Empty>Không có văn bản phù hợp.</Empty> : list.data ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover aria-label="Danh sách văn bản">
            <Table.Thead>
              <Table.Tr><Table.Th>Số, ký hiệu</Table.Th><Table.Th>Trích yếu</Table.Th><Table.Th>Loại</Table.Th><Table.Th>Đơn vị</Table.Th><Table.Th>Ngày</Table.Th><Table.Th>Trạng thái</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{d.numberText ? bareNumber(d.numberText) : d.numbered ? '—' : 'Không vào sổ'}</Text></Table.Td>
                  <Table.Td><Text component={Link} to={`/van-ban/${d.id}`} c="blue.8" size="sm">{d.title || d.kindTitle}</Text></Table.Td>
                  <Table.Td><Text size="sm">{d.kindTitle}</Text></Table.Td>
                  <Table.Td><Text size="sm">{d.unitName ?? ''}</Text></Table.Td>
                  <Table.Td><Text size="sm">{formatDateVi(d.issuedDate ?? d.createdAt.slice(0, 10))}</Text></Table.Td>
                  <Table.Td><DocumentStatusBadge doc={d} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {list.data ? <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(p) => update({ page: String(p) })} /> : null}
    </Card>
  );
}
