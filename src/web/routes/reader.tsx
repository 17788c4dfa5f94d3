// Đọc văn bản: upload a plan, decision or proposal (.txt, .docx, .doc, .pdf) — or several at once, read
// by a background job with a progress bar — then check the extracted fields beside the source text
// and turn a plan into a draft plan of the chosen unit.
import { Alert, Anchor, Badge, Button, Card, FileInput, Group, List, Progress, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { useCan } from '../auth';
import type { TParsedDocument } from '../../importer/schema';
import { FormCheckError, FormModal } from '../components/form-modal';
import { ErrorAlert, PageTitle } from '../components/ui';
import { UnitPicker, type TUnitOption } from '../components/unit-picker';
import { ReaderView, DOC_TYPE_LABELS } from '../components/doc-reader-view';
import { AwardImportModal } from '../components/award-import';
import { useHomeUnit, useJobPoll } from '../components/doc-shared';

type TItem = { fileName: string; ok: true; parsed: TParsedDocument } | { fileName: string; ok: false; status: number; code: string; message: string };
type TBatchResult = { total: number; read: number; failed: number; items: TItem[] };
type TCreated = { planId: string; title: string; warnings: string[] };

function ToPlanModal({ doc, opened, onClose, onDone }: { doc: TParsedDocument; opened: boolean; onClose: () => void; onDone: (r: TCreated) => void }) {
  const home = useHomeUnit();
  const [unit, setUnit] = useState<TUnitOption | null>(home);
  const [error, setError] = useState<unknown>(null);
  return (
    <FormModal title="Tạo dự thảo kế hoạch" opened={opened} onClose={onClose} error={error} setError={setError} submitLabel="Tạo dự thảo" size="md"
      labels={{ unitId: 'Đơn vị' }}
      onSubmit={async () => {
        if (!unit) throw new FormCheckError('Chưa chọn đơn vị ban hành kế hoạch');
        onDone(await api.post<TCreated>('/reader/to-plan', { unitId: unit.id, parsed: doc }));
      }}>
      <Text size="sm">Dự thảo nhận căn cứ, mục đích – yêu cầu, nội dung, hình thức khen thưởng và số lượng, hồ sơ, thời hạn và thời gian thực hiện từ văn bản (theo những gì đã sửa bên phải). Có thể sửa tiếp trong trang kế hoạch.</Text>
      <UnitPicker label="Đơn vị ban hành kế hoạch" value={unit} onChange={setUnit} required />
    </FormModal>
  );
}

export default function ReaderPage() {
  const canPlan = useCan('plan.write');
  const canAward = useCan('person.write');
  const [awarding, setAwarding] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);
  const [docs, setDocs] = useState<{ fileName: string; doc: TParsedDocument }[]>([]);
  const [current, setCurrent] = useState<number | null>(null);
  const [planning, setPlanning] = useState(false);
  const [created, setCreated] = useState<TCreated | null>(null);
  const job = useJobPoll(jobId);
  const j = job.data;
  const batch = j?.status === 'done' ? (j.result as TBatchResult) : null;

  const read = async () => {
    if (!files.length) return;
    setBusy(true);
    setError(null);
    setCreated(null);
    setCurrent(null);
    setJobId(null);
    try {
      const form = new FormData();
      for (const f of files) form.append('file', f);
      if (files.length === 1) {
        const parsed = await api.upload<TParsedDocument>('/reader/parse', form);
        setDocs([{ fileName: files[0].name, doc: parsed }]);
        setCurrent(0);
      } else {
        const { jobId: id } = await api.upload<{ jobId: number }>('/reader/batch', form);
        setDocs([]);
        setJobId(id);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const open = (item: TItem) => {
    if (!item.ok) return;
    const at = docs.findIndex((d) => d.fileName === item.fileName);
    if (at >= 0) setCurrent(at);
    else {
      setDocs([...docs, { fileName: item.fileName, doc: item.parsed }]);
      setCurrent(docs.length);
    }
    setCreated(null);
  };

  const cur = current !== null ? docs[current] : null;
  return (
    <Stack>
      <PageTitle>Đọc văn bản</PageTitle>
      <Card withBorder padding="sm">
        <Stack gap="xs">
          <Text size="sm">Chọn một hoặc nhiều văn bản (.txt, .docx, .doc, .pdf có lớp chữ): kế hoạch của cấp trên, quyết định khen thưởng, tờ trình của đơn vị cấp dưới. Hệ thống đọc số, ngày, cơ quan ban hành, trích yếu, căn cứ, hình thức khen thưởng, thời hạn… và chỉ rõ từng chỗ trong văn bản. Không lưu tệp.</Text>
          <Group align="flex-end">
            <FileInput label="Tệp văn bản" placeholder="Chọn tệp…" multiple clearable value={files} onChange={(f) => setFiles(f ?? [])} miw={340}
              accept=".txt,.docx,.doc,.pdf,text/plain,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document" />
            <Button onClick={read} disabled={!files.length} loading={busy}>{files.length > 1 ? `Đọc ${files.length} tệp` : 'Đọc văn bản'}</Button>
          </Group>
          <ErrorAlert error={error} title="Không đọc được văn bản" />
          {j && j.status !== 'done' ? (
            <div>
              <Text size="sm" mb={4}>{j.status === 'failed' ? (j.error ?? 'Tác vụ thất bại') : (j.progressMessage ?? 'Đang chờ xử lý…')}</Text>
              <Progress value={j.progress} animated={j.status !== 'failed'} color={j.status === 'failed' ? 'red' : 'blue'} aria-label="Tiến độ đọc văn bản" />
            </div>
          ) : null}
          {batch ? (
            <>
              <Text size="sm">Đã đọc {batch.read}/{batch.total} tệp{batch.failed ? `, ${batch.failed} tệp không đọc được` : ''}.</Text>
              <Table.ScrollContainer minWidth={560}>
                <Table striped aria-label="Kết quả đọc nhiều tệp">
                  <Table.Thead><Table.Tr><Table.Th>Tệp</Table.Th><Table.Th>Loại</Table.Th><Table.Th>Số, ký hiệu</Table.Th><Table.Th>Trích yếu / lỗi</Table.Th><Table.Th /></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {batch.items.map((it, i) => (
                      <Table.Tr key={i}>
                        <Table.Td><Text size="sm">{it.fileName}</Text></Table.Td>
                        <Table.Td>{it.ok ? <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{DOC_TYPE_LABELS[it.parsed.docType.value]}</Text> : <Badge color="red" variant="light">Lỗi</Badge>}</Table.Td>
                        <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{it.ok ? it.parsed.number?.value ?? '' : ''}</Text></Table.Td>
                        <Table.Td><Text size="sm" c={it.ok ? undefined : 'red'}>{it.ok ? it.parsed.title?.value ?? '' : it.message}</Text></Table.Td>
                        <Table.Td>{it.ok ? <Button size="compact-xs" variant="light" onClick={() => open(it)}>Xem</Button> : null}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          ) : null}
        </Stack>
      </Card>
      {created ? (
        <Alert color="green" title="Đã tạo dự thảo kế hoạch">
          <Anchor component={Link} to={`/ke-hoach/${created.planId}`}>Mở dự thảo: {created.title}</Anchor>
          {created.warnings.length ? (
            <>
              <Text size="sm" mt="xs" fw={600}>Cần xem lại:</Text>
              <List size="sm">{created.warnings.map((w, i) => <List.Item key={i}>{w}</List.Item>)}</List>
            </>
          ) : null}
        </Alert>
      ) : null}
      {cur ? (
        <>
          <Text size="sm" c="dimmed">Tệp: {cur.fileName}</Text>
          <ReaderView doc={cur.doc} setDoc={(d) => setDocs(docs.map((x, i) => (i === current ? { ...x, doc: d } : x)))}
            actions={canPlan || (canAward && cur.doc.docType.value === 'quyet_dinh') ? (
              <Group gap="xs">
                {canPlan ? <Button size="xs" onClick={() => setPlanning(true)}>Tạo dự thảo kế hoạch</Button> : null}
                {canAward && cur.doc.docType.value === 'quyet_dinh' ? <Button size="xs" variant="light" onClick={() => setAwarding(true)}>Nhập vào lịch sử khen thưởng</Button> : null}
              </Group>
            ) : undefined} />
          {awarding ? <AwardImportModal doc={cur.doc} opened={awarding} onClose={() => setAwarding(false)} /> : null}
          {planning ? <ToPlanModal doc={cur.doc} opened={planning} onClose={() => setPlanning(false)} onDone={(r) => { setPlanning(false); setCreated(r); window.scrollTo({ top: 0, behavior: 'smooth' }); }} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
