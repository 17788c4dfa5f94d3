// Sáng kiến: the list (an individual sees their own), submitting one with evidence, the council's
// scores (0–100, mean shown), recognition by the head with a decision number, or rejection.
import { Badge, Button, Card, Drawer, FileInput, Group, NumberInput, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, toQuery } from '../api/client';
import { useCan, useMe } from '../auth';
import { FormModal } from '../components/form-modal';
import { STATUS_COLORS, type TInitiative, type TInitiativeDetail } from '../components/participation-types';
import { Empty, ErrorAlert, Loading, PageTitle, Pager, formatDateTimeVi } from '../components/ui';
import { formatDateVi } from '../../shared/vn';

const STATUS_OPTIONS = [{ value: 'submitted', label: 'Đã nộp' }, { value: 'scoring', label: 'Đang chấm' }, { value: 'recognised', label: 'Đã công nhận' }, { value: 'rejected', label: 'Không công nhận' }];
const score1 = (n: number | null) => (n === null ? '—' : n.toLocaleString('vi-VN', { maximumFractionDigits: 1 }));

function SubmitInitiative() {
  const qc = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [field, setField] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    const created = await api.post<TInitiativeDetail>('/initiatives', { title, summary, field: field.trim() || null });
    if (file) {
      const form = new FormData();
      form.append('file', file);
      try {
        await api.upload(`/initiatives/${created.id}/evidence`, form);
      } catch (e) {
        await qc.invalidateQueries({ queryKey: ['initiatives'] });
        notifications.show({ color: 'yellow', message: 'Đã nộp sáng kiến nhưng chưa đính kèm được minh chứng; mở sáng kiến để thử lại.' });
        close();
        throw e;
      }
    }
    await qc.invalidateQueries({ queryKey: ['initiatives'] });
    notifications.show({ color: 'green', message: `Đã nộp sáng kiến "${created.title}".` });
    setTitle(''); setSummary(''); setField(''); setFile(null);
    close();
  };
  return (
    <>
      <Button onClick={open}>Nộp sáng kiến</Button>
      <FormModal title="Nộp sáng kiến" opened={opened} onClose={close} onSubmit={submit} submitLabel="Nộp" error={error} setError={setError}>
        <TextInput label="Tên sáng kiến" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <TextInput label="Lĩnh vực" value={field} onChange={(e) => setField(e.currentTarget.value)} />
        <Textarea label="Tóm tắt nội dung, hiệu quả" required autosize minRows={4} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} />
        <FileInput label="Minh chứng (PDF, Word, ảnh; tối đa 10 MB)" placeholder="Chọn tệp" value={file} onChange={setFile} clearable accept=".pdf,.doc,.docx,.jpg,.jpeg,.png" />
      </FormModal>
    </>
  );
}

function Detail({ id, onClose }: { id: string; onClose: () => void }) {
  const qc = useQueryClient();
  const { data, error } = useQuery({ queryKey: ['initiatives', 'detail', id], queryFn: () => api.get<TInitiativeDetail>(`/initiatives/${id}`) });
  const [score, setScore] = useState<string | number>('');
  const [comment, setComment] = useState('');
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const run = async (fn: () => Promise<unknown>, message: string) => {
    setActionError(null);
    try {
      await fn();
      await qc.invalidateQueries({ queryKey: ['initiatives'] });
      notifications.show({ color: 'green', message });
    } catch (e) {
      setActionError(e);
    }
  };
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loading />;
  return (
    <Stack gap="sm">
      <Group gap="xs"><Badge color={STATUS_COLORS[data.status]}>{data.statusLabel}</Badge><Badge variant="light">{data.levelLabel}</Badge><Text size="sm" c="dimmed">Năm học {data.schoolYearLabel}</Text></Group>
      <Title order={3} size="h4">{data.title}</Title>
      <Text size="sm">Tác giả: <b>{data.personName}</b> — {data.unitName}{data.field ? ` — Lĩnh vực: ${data.field}` : ''}</Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{data.summary}</Text>
      {data.status === 'recognised' ? <Text size="sm" c="green.8">Công nhận cấp cơ sở theo Quyết định số {data.decisionNumber} ngày {formatDateVi(data.decisionDate)}.</Text> : null}
      {data.status === 'rejected' ? <Text size="sm" c="red.8">Không công nhận: {data.rejectReason}</Text> : null}
      <ErrorAlert error={actionError} />
      <Card withBorder>
        <Text fw={600} size="sm" mb={4}>Minh chứng</Text>
        {data.evidence.length ? data.evidence.map((f) => (
          <Text key={f.id} size="sm"><a href={`/api/v1/initiatives/${data.id}/evidence/${f.id}`} target="_blank" rel="noreferrer">{f.fileName}</a> ({Math.ceil(f.size / 1024).toLocaleString('vi-VN')} KB)</Text>
        )) : <Text size="sm" c="dimmed">Chưa có minh chứng.</Text>}
        {data.canAddEvidence ? (
          <Group align="flex-end" mt="xs">
            <FileInput aria-label="Chọn tệp minh chứng" placeholder="Chọn tệp (PDF, Word, ảnh; tối đa 10 MB)" value={file} onChange={setFile} clearable accept=".pdf,.doc,.docx,.jpg,.jpeg,.png" style={{ flex: 1 }} />
            <Button variant="light" disabled={!file} onClick={() => run(async () => { const f = new FormData(); f.append('file', file!); await api.upload(`/initiatives/${data.id}/evidence`, f); setFile(null); }, 'Đã đính kèm minh chứng.')}>Đính kèm</Button>
          </Group>
        ) : null}
      </Card>
      <Card withBorder>
        <Text fw={600} size="sm" mb={4}>Điểm chấm của Hội đồng — điểm trung bình: {score1(data.score)} ({data.scoreCount} người chấm)</Text>
        {data.scores.length ? (
          <Table><Table.Tbody>{data.scores.map((s, i) => <Table.Tr key={i}><Table.Td>{s.scorerName}</Table.Td><Table.Td ta="right">{s.score}</Table.Td><Table.Td>{s.comment ?? ''}</Table.Td><Table.Td><Text size="xs" c="dimmed">{formatDateTimeVi(s.at)}</Text></Table.Td></Table.Tr>)}</Table.Tbody></Table>
        ) : <Text size="sm" c="dimmed">Chưa có điểm chấm.</Text>}
        {data.canScore ? (
          <Group align="flex-end" mt="xs" wrap="wrap">
            <NumberInput label="Điểm (0–100)" value={score} onChange={setScore} w={130} allowDecimal={false} />
            <TextInput label="Nhận xét" value={comment} onChange={(e) => setComment(e.currentTarget.value)} style={{ flex: 1, minWidth: 200 }} />
            <Button onClick={() => run(() => api.post(`/initiatives/${data.id}/scores`, { score: score === '' ? null : Number(score), comment: comment.trim() || null }), 'Đã ghi điểm chấm.')}>Chấm điểm</Button>
          </Group>
        ) : null}
      </Card>
      {data.canRecognise || data.canReject ? (
        <Card withBorder>
          <Text fw={600} size="sm" mb={4}>Quyết định của Thủ trưởng</Text>
          <Group align="flex-end" wrap="wrap">
            <TextInput label="Số quyết định công nhận" placeholder="vd. 20/QĐ-THPTPĐP" value={decision} onChange={(e) => setDecision(e.currentTarget.value)} style={{ flex: 1, minWidth: 200 }} />
            <Button color="green" disabled={!data.canRecognise} onClick={() => run(() => api.post(`/initiatives/${data.id}/recognise`, { decisionNumber: decision }), 'Đã công nhận sáng kiến cấp cơ sở.')}>Công nhận cấp cơ sở</Button>
          </Group>
          {!data.canRecognise ? <Text size="xs" c="dimmed" mt={4}>Sáng kiến cần được Hội đồng chấm điểm trước khi công nhận.</Text> : null}
          <Group align="flex-end" mt="xs" wrap="wrap">
            <TextInput label="Lý do không công nhận" value={reason} onChange={(e) => setReason(e.currentTarget.value)} style={{ flex: 1, minWidth: 200 }} />
            <Button color="red" variant="light" onClick={() => run(() => api.post(`/initiatives/${data.id}/reject`, { reason }), 'Đã ghi không công nhận.')}>Không công nhận</Button>
          </Group>
        </Card>
      ) : null}
      <Group><Button variant="default" onClick={onClose}>Đóng</Button></Group>
    </Stack>
  );
}

export default function InitiativesPage() {
  const me = useMe();
  const canRead = useCan('report.read');
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const { data, error } = useQuery({
    queryKey: ['initiatives', 'list', page, status, q],
    queryFn: () => api.get<{ items: TInitiative[]; total: number; page: number; pageSize: number }>(`/initiatives${toQuery({ page, pageSize: 25, status: status ?? undefined, q: q || undefined })}`),
  });
  return (
    <>
      <PageTitle actions={me.personId ? <SubmitInitiative /> : null}>{canRead ? 'Sáng kiến' : 'Sáng kiến của tôi'}</PageTitle>
      <Group mb="sm" align="flex-end" wrap="wrap">
        <Select label="Trạng thái" data={STATUS_OPTIONS} value={status} onChange={(v) => { setStatus(v); setPage(1); }} clearable placeholder="Tất cả" w={200} />
        {canRead ? <TextInput label="Tác giả" placeholder="Gõ tên (không cần dấu)" value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} w={260} /> : null}
      </Group>
      <ErrorAlert error={error} />
      {!data ? <Loading /> : data.items.length === 0 ? <Empty>Chưa có sáng kiến nào.</Empty> : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover>
            <Table.Thead><Table.Tr><Table.Th>Tên sáng kiến</Table.Th><Table.Th>Tác giả</Table.Th><Table.Th>Năm học</Table.Th><Table.Th>Trạng thái</Table.Th><Table.Th ta="right">Điểm TB</Table.Th><Table.Th>Quyết định</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.items.map((i) => (
                <Table.Tr key={i.id} style={{ cursor: 'pointer' }} onClick={() => setOpenId(i.id)}>
                  <Table.Td><Button variant="subtle" size="compact-sm" onClick={() => setOpenId(i.id)} style={{ whiteSpace: 'normal', textAlign: 'left', height: 'auto' }}>{i.title}</Button></Table.Td>
                  <Table.Td>{i.personName}<Text size="xs" c="dimmed">{i.unitName}</Text></Table.Td>
                  <Table.Td>{i.schoolYearLabel}</Table.Td>
                  <Table.Td><Badge color={STATUS_COLORS[i.status]} variant="light">{i.statusLabel}</Badge></Table.Td>
                  <Table.Td ta="right">{score1(i.score)}</Table.Td>
                  <Table.Td>{i.decisionNumber ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data ? <Pager page={page} pageSize={data.pageSize} total={data.total} onChange={setPage} /> : null}
      <Drawer opened={!!openId} onClose={() => setOpenId(null)} position="right" size="lg" title="Sáng kiến">
        {openId ? <Detail id={openId} onClose={() => setOpenId(null)} /> : null}
      </Drawer>
    </>
  );
}
