// Văn bản tab: the documents the user may see, paginated, filtered by kind, status and a search
// on the trích yếu (without diacritics).
import { Card, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, toQuery } from '../api/client';
import type { TPage } from '../api/types';
import { formatDateVi } from '../../shared/vn';
import { DOCUMENT_KIND_LABELS, DocumentStatusBadge, bareNumber, type TDocument } from './doc-shared';
import { optionsOf } from './options';
import { ListFilters, PagedTable, SearchFilter, SelectFilter, type TColumn } from './paged-list';
import { useListParams } from './use-list-params';

const PAGE_SIZE = 20;
const KIND_OPTIONS = optionsOf(DOCUMENT_KIND_LABELS);
const STATUS_OPTIONS = [{ value: 'draft', label: 'Dự thảo' }, { value: 'issued', label: 'Đã ban hành' }];

const COLUMNS: TColumn<TDocument>[] = [
  { header: 'Số, ký hiệu', cell: (d) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{d.numberText ? bareNumber(d.numberText) : d.numbered ? '—' : 'Không vào sổ'}</Text> },
  { header: 'Trích yếu', cell: (d) => <Text component={Link} to={`/van-ban/${d.id}`} c="blue.8" size="sm">{d.title || d.kindTitle}</Text> },
  { header: 'Loại', cell: (d) => d.kindTitle },
  { header: 'Đơn vị', cell: (d) => d.unitName ?? '' },
  { header: 'Ngày', cell: (d) => formatDateVi(d.issuedDate ?? d.createdAt.slice(0, 10)) },
  { header: 'Trạng thái', cell: (d) => <DocumentStatusBadge doc={d} /> },
];

export function DocumentList() {
  const list = useListParams();
  const { params, debounced, page } = list;
  const kind = params.get('kind') ?? '';
  const status = params.get('status') ?? '';
  const query = useQuery({
    queryKey: ['documents', 'list', debounced, kind, status, page],
    queryFn: () => api.get<TPage<TDocument>>(`/documents${toQuery({ q: debounced, kind, status, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });

  return (
    <Card withBorder padding="sm">
      <ListFilters>
        <SearchFilter list={list} label="Tìm theo trích yếu" miw={220} />
        <SelectFilter list={list} param="kind" label="Loại văn bản" data={KIND_OPTIONS} miw={220} />
        <SelectFilter list={list} param="status" label="Trạng thái" data={STATUS_OPTIONS} />
      </ListFilters>
      <PagedTable query={query} list={list} label="Danh sách văn bản" empty="Không có văn bản phù hợp." columns={COLUMNS} minWidth={640} pageSize={PAGE_SIZE} />
    </Card>
  );
}
