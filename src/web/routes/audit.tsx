// Nhật ký: the audit log of the account's scope, newest first — time, who, what, on which record,
// old → new values and the reason.
import { Anchor, Card, Select, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, toQuery } from '../api/client';
import type { TAuditRow, TPage } from '../api/types';
import { ENTITY_LABELS, FIELD_LABELS, auditActionLabel } from '../labels';
import { Empty, ErrorAlert, Loading, PageTitle, Pager, formatDateTimeVi } from '../components/ui';
import { CLUSTER_KIND_LABELS, DISCIPLINE_LABELS, GENDER_LABELS, RATING_LABELS, UNIT_KIND_LABELS, UNIT_STATUS_LABELS } from '../../shared/labels';
import { formatDateVi } from '../../shared/vn';

const PAGE_SIZE = 30;
const CODE_LABELS: Record<string, Record<string, string>> = {
  kind: { ...UNIT_KIND_LABELS, ...CLUSTER_KIND_LABELS }, status: UNIT_STATUS_LABELS, gender: GENDER_LABELS, rating: RATING_LABELS, form: DISCIPLINE_LABELS,
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function show(key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '(trống)';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'string') {
    if (UUID.test(v)) return '';
    if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDateTimeVi(v);
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDateVi(v);
    return CODE_LABELS[key]?.[v] ?? v;
  }
  if (typeof v === 'number') return key === 'schoolYear' ? `${v}-${v + 1}` : v.toLocaleString('vi-VN');
  if (Array.isArray(v)) return `${v.length} mục`;
  return '';
}

type TChange = { label: string; before: string; after: string };

/** The fields that changed, with Vietnamese labels; ids and technical fields are left out. */
export function describeChanges(before: unknown, after: unknown): TChange[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const out: TChange[] = [];
  const seen = new Set<string>();
  for (const raw of [...Object.keys(b), ...Object.keys(a)]) {
    const key = camel(raw);
    if (seen.has(key)) continue;
    seen.add(key);
    const label = FIELD_LABELS[key];
    if (!label) continue;
    const bv = b[raw];
    const av = a[raw];
    if (JSON.stringify(bv) === JSON.stringify(av)) continue;
    const bs = raw in b ? show(key, bv) : '';
    const as = raw in a ? show(key, av) : '';
    if (!bs && !as) continue;
    out.push({ label, before: bs, after: as });
  }
  return out;
}

function entityLink(r: TAuditRow): string | null {
  if (r.entityType === 'unit') return `/don-vi/${r.entityId}`;
  if (r.entityType === 'person') return `/can-bo/${r.entityId}`;
  return null;
}

export default function AuditPage() {
  const [page, setPage] = useState(1);
  const [entityType, setEntityType] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['audit', page, entityType],
    queryFn: () => api.get<TPage<TAuditRow>>(`/audit${toQuery({ page, pageSize: PAGE_SIZE, entityType })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <PageTitle>Nhật ký thay đổi</PageTitle>
      <Select label="Loại đối tượng" placeholder="Tất cả" clearable w={240} value={entityType} onChange={(v) => { setEntityType(v); setPage(1); }}
        data={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))} />
      <Card withBorder padding="sm">
        <ErrorAlert error={q.error} />
        {q.isPending ? <Loading /> : q.data && q.data.items.length === 0 ? <Empty>Chưa có thay đổi nào.</Empty> : q.data ? (
          <Table.ScrollContainer minWidth={820}>
            <Table striped verticalSpacing="xs" aria-label="Nhật ký thay đổi">
              <Table.Thead>
                <Table.Tr><Table.Th>Thời gian</Table.Th><Table.Th>Người thực hiện</Table.Th><Table.Th>Hành động</Table.Th><Table.Th>Đối tượng</Table.Th><Table.Th>Cũ → mới</Table.Th><Table.Th>Lý do</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.items.map((r) => {
                  const changes = describeChanges(r.before, r.after);
                  const link = entityLink(r);
                  const entity = ENTITY_LABELS[r.entityType] ?? 'Dữ liệu';
                  return (
                    <Table.Tr key={r.seq}>
                      <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDateTimeVi(r.at)}</Text></Table.Td>
                      <Table.Td><Text size="sm">{r.actorName ?? 'Hệ thống'}</Text></Table.Td>
                      <Table.Td><Text size="sm">{auditActionLabel(r.action)}</Text></Table.Td>
                      <Table.Td>{link ? <Anchor component={Link} to={link} size="sm">{entity}</Anchor> : <Text size="sm">{entity}</Text>}</Table.Td>
                      <Table.Td>
                        {changes.length === 0 ? <Text size="sm" c="dimmed">—</Text> : changes.slice(0, 8).map((c) => (
                          <Text key={c.label} size="xs"><b>{c.label}:</b> {c.before ? <>{c.before} → </> : null}{c.after || '(trống)'}</Text>
                        ))}
                        {changes.length > 8 ? <Text size="xs" c="dimmed">và {changes.length - 8} thay đổi khác</Text> : null}
                      </Table.Td>
                      <Table.Td><Text size="sm">{r.reason ?? ''}</Text></Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {q.data ? <Pager page={page} pageSize={PAGE_SIZE} total={q.data.total} onChange={setPage} /> : null}
      </Card>
    </Stack>
  );
}
