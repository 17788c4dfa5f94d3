// Giao ước thi đua of the cụm/khối: the list with signing progress, drafting by the leading unit,
// opening for signing, and each member unit's signature (who, when).
import { Badge, Button, Card, Drawer, Group, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, toQuery } from '../api/client';
import { STATUS_COLORS, type TPact, type TPactSummary } from '../components/participation-types';
import { Empty, ErrorAlert, Loading, PageTitle, Pager, formatDateTimeVi } from '../components/ui';

function PactDetail({ id }: { id: string }) {
  const qc = useQueryClient();
  const { data, error } = useQuery({ queryKey: ['pacts', 'detail', id], queryFn: () => api.get<TPact>(`/pacts/${id}`) });
  const [body, setBody] = useState<string | null>(null);
  const [signer, setSigner] = useState<Record<string, { name: string; title: string }>>({});
  const [actionError, setActionError] = useState<unknown>(null);
  const act = async (fn: () => Promise<unknown>, message: string) => {
    setActionError(null);
    try { await fn(); await qc.invalidateQueries({ queryKey: ['pacts'] }); notifications.show({ color: 'green', message }); } catch (e) { setActionError(e); }
  };
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loading />;
  return (
    <Stack gap="sm">
      <Group gap="xs"><Badge color={STATUS_COLORS[data.status]}>{data.statusLabel}</Badge><Text size="sm">{data.signedCount}/{data.memberCount} đơn vị đã ký</Text></Group>
      <Title order={3} size="h5">{data.title}</Title>
      <Text size="sm" c="dimmed">Trưởng cụm: {data.leadUnitName}</Text>
      <ErrorAlert error={actionError} />
      {data.canEdit ? (
        <>
          <Textarea label="Nội dung giao ước" autosize minRows={8} value={body ?? data.body} onChange={(e) => setBody(e.currentTarget.value)} />
          <Group>
            <Button variant="light" disabled={body === null} onClick={() => act(() => api.patch(`/pacts/${id}`, { body }), 'Đã lưu nội dung giao ước.')}>Lưu nội dung</Button>
            <Button onClick={() => act(() => api.post(`/pacts/${id}/open`), 'Đã mở giao ước để các đơn vị ký.')}>Mở để ký</Button>
          </Group>
        </>
      ) : <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{data.body}</Text>}
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead><Table.Tr><Table.Th>Đơn vị</Table.Th><Table.Th>Người ký</Table.Th><Table.Th>Thời điểm</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {data.members.map((m) => (
              <Table.Tr key={m.unitId}>
                <Table.Td>{m.unitName}{m.role === 'truong' ? <Badge ml={6} size="xs" variant="light">Trưởng cụm</Badge> : null}</Table.Td>
                <Table.Td>
                  {m.signed ? `${m.signerName}${m.signerTitle ? ` (${m.signerTitle})` : ''}` : m.canSign ? (
                    <Group gap={4} wrap="nowrap">
                      <TextInput size="xs" aria-label={`Người ký của ${m.unitName}`} placeholder="Họ tên người ký" value={signer[m.unitId]?.name ?? ''} onChange={(e) => { const v = e.currentTarget.value; setSigner((s) => ({ ...s, [m.unitId]: { name: v, title: s[m.unitId]?.title ?? 'Hiệu trưởng' } })); }} />
                      <TextInput size="xs" aria-label={`Chức vụ người ký của ${m.unitName}`} placeholder="Chức vụ" value={signer[m.unitId]?.title ?? 'Hiệu trưởng'} onChange={(e) => { const v = e.currentTarget.value; setSigner((s) => ({ ...s, [m.unitId]: { name: s[m.unitId]?.name ?? '', title: v } })); }} w={120} />
                      <Button size="xs" onClick={() => act(() => api.post(`/pacts/${id}/sign`, { unitId: m.unitId, signerName: signer[m.unitId]?.name ?? '', signerTitle: signer[m.unitId]?.title ?? 'Hiệu trưởng' }), `${m.unitName} đã ký giao ước.`)}>Ký</Button>
                    </Group>
                  ) : <Text size="sm" c="dimmed">Chưa ký</Text>}
                </Table.Td>
                <Table.Td>{m.signedAt ? formatDateTimeVi(m.signedAt) : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Candidates() {
  const qc = useQueryClient();
  const { data } = useQuery({ queryKey: ['pacts', 'candidates'], queryFn: () => api.get<{ items: { clusterId: string; clusterName: string; schoolYearLabel: string }[] }>('/pacts/candidates') });
  const [body, setBody] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  if (!data?.items.length) return null;
  return (
    <Card withBorder mb="md">
      <Title order={3} size="h5" mb="xs">Cụm/khối do đơn vị làm trưởng, chưa có giao ước</Title>
      <ErrorAlert error={error} />
      <Stack>
        {data.items.map((c) => (
          <div key={c.clusterId}>
            <Text fw={600} size="sm">{c.clusterName} — năm học {c.schoolYearLabel}</Text>
            <Textarea aria-label={`Nội dung giao ước của ${c.clusterName}`} placeholder="Nội dung giao ước thi đua…" autosize minRows={3} value={body[c.clusterId] ?? ''} onChange={(e) => { const v = e.currentTarget.value; setBody((b) => ({ ...b, [c.clusterId]: v })); }} />
            <Button mt={4} size="xs" onClick={async () => {
              setError(null);
              try { await api.post('/pacts', { clusterId: c.clusterId, body: body[c.clusterId] ?? '' }); await qc.invalidateQueries({ queryKey: ['pacts'] }); notifications.show({ color: 'green', message: `Đã soạn giao ước của ${c.clusterName}.` }); } catch (e) { setError(e); }
            }}>Soạn giao ước</Button>
          </div>
        ))}
      </Stack>
    </Card>
  );
}

export default function PactsPage() {
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const { data, error } = useQuery({ queryKey: ['pacts', 'list', page], queryFn: () => api.get<{ items: TPactSummary[]; total: number; page: number; pageSize: number }>(`/pacts${toQuery({ page, pageSize: 25 })}`) });
  return (
    <>
      <PageTitle>Giao ước thi đua cụm/khối</PageTitle>
      <Candidates />
      <ErrorAlert error={error} />
      {!data ? <Loading /> : data.items.length === 0 ? <Empty>Chưa có giao ước thi đua nào.</Empty> : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover>
            <Table.Thead><Table.Tr><Table.Th>Cụm/khối</Table.Th><Table.Th>Năm học</Table.Th><Table.Th>Trạng thái</Table.Th><Table.Th ta="right">Đã ký</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.items.map((p) => (
                <Table.Tr key={p.id} style={{ cursor: 'pointer' }} onClick={() => setOpenId(p.id)}>
                  <Table.Td><Button variant="subtle" size="compact-sm" onClick={() => setOpenId(p.id)}>{p.clusterName}</Button></Table.Td>
                  <Table.Td>{p.schoolYearLabel}</Table.Td>
                  <Table.Td><Badge color={STATUS_COLORS[p.status]} variant="light">{p.statusLabel}</Badge></Table.Td>
                  <Table.Td ta="right">{p.signedCount}/{p.memberCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data ? <Pager page={page} pageSize={data.pageSize} total={data.total} onChange={setPage} /> : null}
      <Drawer opened={!!openId} onClose={() => setOpenId(null)} position="right" size="lg" title="Giao ước thi đua">
        {openId ? <PactDetail id={openId} /> : null}
      </Drawer>
    </>
  );
}
