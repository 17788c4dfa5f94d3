// Nhật ký: the audit log of the account's scope, newest first — time, who, what, on which record,
// old → new values and the reason.
import { Anchor, Card, Select, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, toQuery } from '../api/client';
import type { TAuditRow, TPage } from '../api/types';
import { ENTITY_LABELS, auditActionLabel } from '../labels';
import { describeChanges } from '../audit-changes';
import { Empty, ErrorAlert, Loading, PageTitle, Pager, formatDateTimeVi } from '../components/ui';

const PAGE_SIZE = 30;
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
