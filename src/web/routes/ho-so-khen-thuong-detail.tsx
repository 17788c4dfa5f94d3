// One dossier: the people proposed with their eligibility verdicts, the steps (buttons per state),
// the timeline, downloads (ZIP, Tờ trình), and once decided the Quyết định with its Danh sách and money.
import { Alert, Anchor, Badge, Button, Card, FileButton, Group, List, Select, Stack, Table, Text, TextInput, Textarea, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, downloadFile, errorMessage } from '../api/client';
import { useMe } from '../auth';
import { DOSSIER_STATUS_COLORS, VERDICT_LABELS, type TDecision, type TDossierDetail } from '../components/dossier-types';
import { FormCheckError, FormModal, optionalDate } from '../components/form-modal';
import { DetailHeader } from '../components/detail-parts';
import { DateField, ErrorAlert, Loading, formatDateTimeVi } from '../components/ui';
import { formatDateVi, formatMoneyVi } from '../../shared/vn';
import { AWARD_TITLE_OPTIONS } from '../components/options';
import { PersonSearch } from './ho-so-khen-thuong';

function useAct(id: string) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (step: string, body: unknown = {}, done?: string) => {
    setBusy(step);
    try {
      await api.post(`/dossiers/${id}/${step}`, body);
      await qc.invalidateQueries({ queryKey: ['dossiers'] });
      if (done) notifications.show({ color: 'green', message: done });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Không thực hiện được', message: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

function ReasonModal({ id, opened, onClose }: { id: string; opened: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <FormModal title="Trả lại hồ sơ" opened={opened} onClose={onClose} submitLabel="Trả lại" error={error} setError={setError}
      onSubmit={async () => {
        await api.post(`/dossiers/${id}/return`, { reason });
        await qc.invalidateQueries({ queryKey: ['dossiers'] });
        setReason('');
        onClose();
      }}>
      <Textarea label="Lý do trả lại" description="Ghi rõ cần bổ sung, sửa gì; đơn vị gửi sẽ thấy lý do này" required autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
    </FormModal>
  );
}

function DecideModal({ d, opened, onClose }: { d: TDossierDetail; opened: boolean; onClose: () => void }) {
  const me = useMe();
  const qc = useQueryClient();
  const [date, setDate] = useState('');
  const [signer, setSigner] = useState(me.fullName);
  const [summary, setSummary] = useState(`Về việc khen thưởng năm học ${d.schoolYearLabel}`);
  const [excluded, setExcluded] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  return (
    <FormModal title="Ban hành quyết định khen thưởng" opened={opened} onClose={onClose} submitLabel="Ban hành" error={error} setError={setError} size="xl"
      onSubmit={async () => {
        if (!signer.trim()) throw new FormCheckError('Nhập họ tên người ký');
        const iso = optionalDate(date, 'Ngày quyết định') ?? undefined;
        await api.post<TDecision>('/decisions', { dossierId: d.id, date: iso, signerName: signer.trim(), summary: summary.trim(), excludeItemIds: excluded });
        await qc.invalidateQueries({ queryKey: ['dossiers'] });
        onClose();
      }}>
      <Text size="sm">Số quyết định lấy tự động từ sổ văn bản đi của {d.receiverName}. Tiền thưởng tính theo mức lương cơ sở tại ngày quyết định.</Text>
      <DateField label="Ngày quyết định" description="Để trống là hôm nay" value={date} onChange={setDate} />
      <TextInput label="Người ký" value={signer} onChange={(e) => setSigner(e.currentTarget.value)} />
      <TextInput label="Trích yếu" value={summary} onChange={(e) => setSummary(e.currentTarget.value)} />
      <Stack gap={4}>
        <Text size="sm" fw={500}>Không khen thưởng (bỏ khỏi quyết định)</Text>
        {d.items.map((i) => (
          <Group key={i.id} gap="xs">
            <input type="checkbox" id={`ex-${i.id}`} checked={excluded.includes(i.id)} onChange={(e) => { const on = e.currentTarget.checked; setExcluded((x) => (on ? [...x, i.id] : x.filter((v) => v !== i.id))); }} />
            <label htmlFor={`ex-${i.id}`}><Text size="sm" span>{i.name} — {i.titleName}</Text></label>
          </Group>
        ))}
      </Stack>
    </FormModal>
  );
}

function AddPerson({ d }: { d: TDossierDetail }) {
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [person, setPerson] = useState<{ id: string; label: string } | null>(null);
  const [title, setTitle] = useState('LDTT');
  const [achievements, setAchievements] = useState('');
  return (
    <>
      <Button size="xs" variant="light" onClick={() => { setError(null); setPerson(null); setOpened(true); }}>Thêm người được đề nghị</Button>
      <FormModal title="Thêm người được đề nghị" opened={opened} onClose={() => setOpened(false)} error={error} setError={setError} submitLabel="Thêm"
        onSubmit={async () => {
          if (!person) throw new FormCheckError('Chọn cá nhân được đề nghị');
          await api.post(`/dossiers/${d.id}/items`, { items: [{ personId: person.id, titleCode: title, achievements: achievements || undefined }] });
          await qc.invalidateQueries({ queryKey: ['dossiers'] });
          setOpened(false);
        }}>
        {person ? <Text size="sm">Cá nhân: <b>{person.label}</b></Text> : <PersonSearch unitId={d.senderUnitId} onPick={(p) => setPerson({ id: p.id, label: `${p.fullName} (${p.unitName ?? ''})` })} />}
        <Select label="Danh hiệu, hình thức" value={title} allowDeselect={false} data={AWARD_TITLE_OPTIONS} onChange={(v) => setTitle(v ?? title)} />
        <Textarea label="Tóm tắt thành tích" autosize minRows={2} value={achievements} onChange={(e) => setAchievements(e.currentTarget.value)} />
      </FormModal>
    </>
  );
}

function UploadEvidence({ d }: { d: TDossierDetail }) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  return (
    <FileButton onChange={async (file) => {
      if (!file) return;
      setBusy(true);
      try {
        const form = new FormData();
        form.append('file', file);
        await api.upload(`/dossiers/${d.id}/files`, form);
        await qc.invalidateQueries({ queryKey: ['dossiers'] });
        notifications.show({ color: 'green', message: `Đã thêm minh chứng ${file.name}` });
      } catch (e) {
        notifications.show({ color: 'red', title: 'Không tải lên được', message: errorMessage(e) });
      } finally {
        setBusy(false);
      }
    }} accept="application/pdf,image/*,.docx,.xlsx">
      {(props) => <Button {...props} size="xs" variant="light" loading={busy}>Thêm minh chứng</Button>}
    </FileButton>
  );
}

function DecisionView({ id }: { id: string }) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['dossiers', 'decision', id], queryFn: () => api.get<TDecision>(`/decisions/${id}`) });
  const [unit, setUnit] = useState<string | null>(null);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const units = [...new Map(d.lines.map((l) => [l.unitId, l.unitName])).entries()].map(([value, label]) => ({ value, label }));
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      await qc.invalidateQueries({ queryKey: ['dossiers'] });
      notifications.show({ color: 'green', message: ok });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Không thực hiện được', message: errorMessage(e) });
    }
  };
  return (
    <Card withBorder padding="sm" aria-label="Quyết định khen thưởng">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <div>
          <Title order={4}>Quyết định số {d.number} ngày {formatDateVi(d.date)}</Title>
          <Text size="sm">{d.summary} — {d.authorityName}; người ký: {d.signerName}</Text>
        </div>
        <Badge color={d.published ? 'green' : 'gray'} variant="light">{d.published ? 'Đã công khai' : 'Chưa công khai'}</Badge>
      </Group>
      <Group gap="xs" mb="sm" wrap="wrap">
        <Button size="xs" variant="light" onClick={() => downloadFile(`/decisions/${d.id}/docx`, 'quyet-dinh.docx')}>Tải quyết định (Word)</Button>
        <Button size="xs" variant="light" onClick={() => downloadFile(`/decisions/${d.id}/pdf`, 'quyet-dinh.pdf').catch((e) => notifications.show({ color: 'red', message: errorMessage(e) }))}>Tải PDF</Button>
        <Select size="xs" placeholder="Mọi đơn vị" clearable value={unit} onChange={setUnit} data={units} aria-label="Đơn vị của danh sách chi" w={240} />
        <Button size="xs" onClick={() => downloadFile(`/decisions/${d.id}/payout.xlsx${unit ? `?unitId=${unit}` : ''}`, 'danh-sach-chi-tien-thuong.xlsx')}>Tải danh sách chi tiền thưởng (Excel)</Button>
        {d.canPublish ? (
          <>
            <Button size="xs" variant="default" onClick={() => act(() => api.post(`/decisions/${d.id}/publish`, { published: !d.published }), d.published ? 'Đã thôi công khai' : 'Đã công khai quyết định')}>{d.published ? 'Thôi công khai' : 'Công khai'}</Button>
            <Button size="xs" variant="default" onClick={() => act(() => api.post(`/decisions/${d.id}/certificates`, { pdf: true }), 'Đang in giấy khen; tệp có trong mục Văn bản khi xong')}>In giấy khen</Button>
          </>
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table striped aria-label="Danh sách kèm theo quyết định">
          <Table.Thead>
            <Table.Tr><Table.Th>TT</Table.Th><Table.Th>Họ và tên</Table.Th><Table.Th>Chức vụ/đơn vị</Table.Th><Table.Th>Danh hiệu/hình thức</Table.Th><Table.Th>Hệ số</Table.Th><Table.Th>Mức lương cơ sở</Table.Th><Table.Th>Số tiền</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.lines.map((l, n) => (
              <Table.Tr key={l.id}>
                <Table.Td>{n + 1}</Table.Td>
                <Table.Td>{l.personId ? <Anchor component={Link} to={`/can-bo/${l.personId}`} size="sm">{l.name}</Anchor> : l.name}</Table.Td>
                <Table.Td><Text size="sm">{[l.position, l.unitName].filter(Boolean).join(', ')}</Text></Table.Td>
                <Table.Td><Text size="sm">{l.titleName}</Text>{l.note ? <Text size="xs" c="orange">{l.note}</Text> : null}</Table.Td>
                <Table.Td>{String(l.coefficient).replace('.', ',')}</Table.Td>
                <Table.Td>{formatMoneyVi(l.baseSalary)}</Table.Td>
                <Table.Td>{formatMoneyVi(l.amount)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr><Table.Td /><Table.Td fw={700}>Tổng cộng</Table.Td><Table.Td /><Table.Td /><Table.Td /><Table.Td /><Table.Td fw={700}>{formatMoneyVi(d.totalAmount)}</Table.Td></Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

export default function DossierDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const q = useQuery({ queryKey: ['dossiers', 'detail', id], queryFn: () => api.get<TDossierDetail>(`/dossiers/${id}`) });
  const { busy, run } = useAct(id);
  const [returning, setReturning] = useState(false);
  const [deciding, setDeciding] = useState(false);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const a = d.actions;
  return (
    <>
      <Stack gap="sm">
        <DetailHeader back={{ to: '/ho-so-khen-thuong', label: 'Hồ sơ khen thưởng' }} title={d.title}
          status={{ label: d.statusLabel, color: DOSSIER_STATUS_COLORS[d.status] }}
          facts={<>Năm học {d.schoolYearLabel} · Loại: {d.commendationType} · Từ <b>{d.senderName}</b> gửi <b>{d.receiverName}</b></>} />
        {d.status === 'returned' && d.returnReason ? <Alert color="orange" title="Hồ sơ bị trả lại">{d.returnReason}</Alert> : null}
        <Group gap="xs" wrap="wrap">
          {a.submit ? <Button loading={busy === 'submit'} onClick={() => run('submit', {}, `Đã gửi hồ sơ đến ${d.receiverName}`)}>{d.status === 'returned' ? 'Gửi lại' : 'Gửi hồ sơ'}</Button> : null}
          {a.recall ? <Button variant="default" loading={busy === 'recall'} onClick={() => run('recall', {}, 'Đã thu hồi hồ sơ')}>Thu hồi</Button> : null}
          {a.accept ? <Button loading={busy === 'accept'} onClick={() => run('accept', {}, 'Đã tiếp nhận hồ sơ')}>Tiếp nhận</Button> : null}
          {a.assign ? <Button variant="light" loading={busy === 'assign'} onClick={() => run('assign', { userId: me.id }, 'Đã nhận thụ lý hồ sơ')}>Nhận thụ lý</Button> : null}
          {a.check ? <Button variant="light" loading={busy === 'check'} onClick={() => run('check', { note: 'Hồ sơ đủ thành phần, đúng quy định' }, 'Đã ghi kết quả thẩm định')}>Thẩm định đạt</Button> : null}
          {a.return ? <Button variant="light" color="orange" onClick={() => setReturning(true)}>Trả lại</Button> : null}
          {a.forward ? <Button variant="light" loading={busy === 'forward'} onClick={() => run('forward', {}, 'Đã chuyển hồ sơ lên cấp trên')}>Chuyển lên cấp trên</Button> : null}
          {a.decide ? <Button color="green" onClick={() => setDeciding(true)}>Ban hành quyết định</Button> : null}
          <Button variant="default" onClick={() => downloadFile(`/dossiers/${d.id}/zip`, 'ho-so-khen-thuong.zip')}>Tải hồ sơ (ZIP)</Button>
          <Button variant="default" onClick={() => downloadFile(`/dossiers/${d.id}/proposal.docx`, 'to-trinh.docx').catch((e) => notifications.show({ color: 'red', message: errorMessage(e) }))}>Tờ trình (Word)</Button>
        </Group>
        {d.workflow.length && d.status === 'accepted' ? (
          <Text size="sm">Các bước ở {d.receiverName}: {d.workflow.map((s) => `${s.done ? '✓' : '○'} ${s.label}`).join(' · ')}</Text>
        ) : null}
        {d.decisionId ? <DecisionView id={d.decisionId} /> : null}
        <Card withBorder padding="sm">
          <Group justify="space-between" mb="xs" wrap="wrap">
            <Title order={4}>Danh sách đề nghị ({d.items.length})</Title>
            {a.edit ? <Group gap="xs"><AddPerson d={d} /><UploadEvidence d={d} /></Group> : null}
          </Group>
          <Table.ScrollContainer minWidth={760}>
            <Table striped aria-label="Danh sách đề nghị khen thưởng">
              <Table.Thead>
                <Table.Tr><Table.Th>TT</Table.Th><Table.Th>Cá nhân, tập thể</Table.Th><Table.Th>Đơn vị</Table.Th><Table.Th>Danh hiệu, hình thức</Table.Th><Table.Th>Điều kiện</Table.Th><Table.Th>Báo cáo thành tích</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.map((i, n) => {
                  const v = VERDICT_LABELS[i.verdict?.status ?? 'unknown'] ?? VERDICT_LABELS.unknown;
                  return (
                    <Table.Tr key={i.id}>
                      <Table.Td>{n + 1}</Table.Td>
                      <Table.Td><Text size="sm" fw={500}>{i.name}</Text>{i.position ? <Text size="xs" c="dimmed">{i.position}</Text> : null}</Table.Td>
                      <Table.Td><Text size="sm">{i.unitName}</Text></Table.Td>
                      <Table.Td><Text size="sm">{i.titleName}</Text>{i.achievements ? <Text size="xs" c="dimmed">{i.achievements}</Text> : null}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={v.color}>{v.label}</Badge>
                        {i.verdict?.messages.length ? <List size="xs">{i.verdict.messages.slice(0, 3).map((m) => <List.Item key={m}>{m}</List.Item>)}</List> : null}
                      </Table.Td>
                      <Table.Td>
                        {i.personId ? <Anchor size="sm" onClick={() => downloadFile(`/dossiers/${d.id}/items/${i.id}/report.docx`, 'bao-cao-thanh-tich.docx').catch((e) => notifications.show({ color: 'red', message: errorMessage(e) }))}>Tải (Word){i.hasReport ? ' · đã tự viết' : ''}</Anchor> : <Text size="xs" c="dimmed">Đơn vị lập</Text>}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {d.files.length ? (
            <>
              <Text size="sm" fw={500} mt="sm">Minh chứng</Text>
              <List size="sm">{d.files.map((f) => <List.Item key={f.id}>{f.fileName}</List.Item>)}</List>
            </>
          ) : null}
        </Card>
        <Card withBorder padding="sm">
          <Title order={4} mb="xs">Quá trình xử lý</Title>
          <Timeline active={d.timeline.length - 1} bulletSize={14} lineWidth={2} aria-label="Quá trình xử lý hồ sơ">
            {d.timeline.map((t) => (
              <Timeline.Item key={t.seq} title={t.actionLabel}>
                <Text size="xs" c="dimmed">{formatDateTimeVi(t.at)} · {t.actorName}{t.unitName ? ` (${t.unitName})` : ''}{t.toUnitName ? ` → ${t.toUnitName}` : ''}</Text>
                {t.reason ? <Text size="sm" c="orange">Lý do: {t.reason}</Text> : null}
                {t.note ? <Text size="sm">{t.note}</Text> : null}
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
      </Stack>
      <ReasonModal id={d.id} opened={returning} onClose={() => setReturning(false)} />
      {deciding ? <DecideModal d={d} opened={deciding} onClose={() => setDeciding(false)} /> : null}
    </>
  );
}
