// One review session (phiên bình xét): the council, the candidates with their eligibility verdicts,
// quotas and conflicts; the officer's set-up and open/close; the member's secret ballot (Đồng ý /
// Không đồng ý / Không biểu quyết); written votes of absent members; after the close the tally and the
// Biên bản (DOCX / PDF).
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, NumberInput, SegmentedControl, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { api, toQuery } from '../api/client';
import type { TPage } from '../api/types';
import { FormCheckError, FormModal } from '../components/form-modal';
import { REVIEW_STATUS_COLORS, REVIEW_TITLES, type TNomination, type TReviewCandidate, type TReviewSession } from '../components/review-types';
import { DetailHeader, useBusyAction } from '../components/detail-parts';
import { VERDICT_LABELS } from '../components/dossier-types';
import { Empty, ErrorAlert, Loading } from '../components/ui';
import { formatDateVi } from '../../shared/vn';

type TChoice = 'for' | 'against' | 'abstain';
const CHOICES = [
  { value: 'for', label: 'Đồng ý' },
  { value: 'against', label: 'Không đồng ý' },
  { value: 'abstain', label: 'Không biểu quyết' },
];

function Section({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{title}</Title>
        {actions ? <Group gap="xs">{actions}</Group> : null}
      </Group>
      {children}
    </Card>
  );
}

function Eligibility({ c }: { c: TReviewCandidate }) {
  const v = c.eligibility;
  if (!v) return <Text size="xs" c="dimmed">Bộ quy tắc không đối chiếu danh hiệu này</Text>;
  const shown = VERDICT_LABELS[v.status];
  const notes = v.reasons.filter((r) => r.outcome !== 'pass');
  return (
    <Tooltip multiline w={360} withArrow label={(notes.length ? notes : v.reasons).map((r) => `${r.outcome === 'pass' ? '✓' : r.outcome === 'fail' ? '✗' : '?'} ${r.message}`).join('\n') || shown.label}>
      <Group gap={4} wrap="nowrap">
        <Badge size="sm" variant="light" color={shown.color}>{shown.label}</Badge>
        {v.unverified ? <Badge size="xs" variant="outline" color="gray">chưa xác minh</Badge> : null}
      </Group>
    </Tooltip>
  );
}

function useSession(id: string) {
  return useQuery({ queryKey: ['reviews', 'detail', id], queryFn: () => api.get<TReviewSession>(`/reviews/${id}`), refetchInterval: (q) => (q.state.data && (q.state.data.status === 'open' || q.state.data.status === 'voting') ? 5000 : false) });
}

function AddMembers({ s, onDone }: { s: TReviewSession; onDone: () => void }) {
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [search, setSearch] = useState('');
  const [personId, setPersonId] = useState<string | null>(null);
  const [role, setRole] = useState('member');
  const people = useQuery({
    queryKey: ['people', 'within', s.unitId, search],
    queryFn: () => api.get<TPage<{ id: string; fullName: string; position: string | null; unitName: string | null }>>(`/people${toQuery({ withinId: s.unitId, q: search, pageSize: 30 })}`),
    enabled: opened,
  });
  const submit = async () => {
    if (!personId) throw new FormCheckError('Chọn một cán bộ');
    await api.post(`/reviews/${s.id}/members`, { members: [{ personId, role }] });
    setOpened(false);
    onDone();
  };
  return (
    <>
      <Button size="xs" variant="light" onClick={() => { setError(null); setPersonId(null); setOpened(true); }}>Thêm thành viên</Button>
      <FormModal title="Thêm thành viên Hội đồng" opened={opened} onClose={() => setOpened(false)} onSubmit={submit} submitLabel="Thêm" error={error} setError={setError}>
        <Select label="Cán bộ" searchable placeholder="Gõ tên" searchValue={search} onSearchChange={setSearch} value={personId} onChange={setPersonId} filter={({ options }) => options}
          data={(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.fullName}${p.position ? ` – ${p.position}` : ''}` }))} nothingFoundMessage={people.isFetching ? 'Đang tìm…' : 'Không thấy'} />
        <Select label="Vai trò" value={role} allowDeselect={false} onChange={(v) => setRole(v ?? 'member')} data={[{ value: 'chair', label: 'Chủ tịch Hội đồng (thủ trưởng)' }, { value: 'member', label: 'Ủy viên' }, { value: 'secretary', label: 'Thư ký' }]} />
        <Text size="xs" c="dimmed">Thành viên bỏ phiếu điện tử bằng tài khoản gắn với hồ sơ cán bộ của mình; người chưa có tài khoản gửi phiếu bằng văn bản.</Text>
      </FormModal>
    </>
  );
}

function AddCandidates({ s, onDone }: { s: TReviewSession; onDone: () => void }) {
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [personId, setPersonId] = useState<string | null>(null);
  const [title, setTitle] = useState<string | null>('LDTT');
  const [eligibleFor, setEligibleFor] = useState<string | null>(null);
  const noms = useQuery({
    queryKey: ['nominations', 'open', s.unitId, s.schoolYear],
    queryFn: () => api.get<TPage<TNomination>>(`/nominations${toQuery({ unitId: s.unitId, schoolYear: s.schoolYear, status: 'open', pageSize: 200 })}`),
    enabled: opened,
  });
  const people = useQuery({
    queryKey: ['people', 'within', s.unitId, search],
    queryFn: () => api.get<TPage<{ id: string; fullName: string; position: string | null }>>(`/people${toQuery({ withinId: s.unitId, q: search, pageSize: 30 })}`),
    enabled: opened,
  });
  const submit = async () => {
    const body: Record<string, unknown> = {};
    if (picked.length) body.nominationIds = picked;
    if (personId) {
      if (!title) throw new FormCheckError('Chọn danh hiệu đề nghị');
      body.people = [{ personId, titleCode: title }];
    }
    if (eligibleFor) body.eligibleFor = eligibleFor;
    if (!picked.length && !personId && !eligibleFor) throw new FormCheckError('Chọn đề nghị, một cán bộ, hoặc danh hiệu để thêm người đủ điều kiện');
    await api.post(`/reviews/${s.id}/candidates`, body);
    setOpened(false);
    onDone();
  };
  return (
    <>
      <Button size="xs" variant="light" onClick={() => { setError(null); setPicked([]); setPersonId(null); setEligibleFor(null); setOpened(true); }}>Thêm ứng viên</Button>
      <FormModal title="Thêm ứng viên" opened={opened} onClose={() => setOpened(false)} onSubmit={submit} submitLabel="Thêm" error={error} setError={setError} size="xl">
        <Text fw={600} size="sm">Từ các đề nghị đang chờ bình xét</Text>
        {noms.isPending ? <Loading /> : (noms.data?.items.length ?? 0) === 0 ? <Text size="sm" c="dimmed">Không có đề nghị nào đang chờ.</Text> : (
          <Stack gap={4}>
            {noms.data!.items.map((n) => (
              <Checkbox key={n.id} label={`${n.candidateName} – ${n.titleName} (${n.sourceLabel})`} checked={picked.includes(n.id)}
                onChange={(e) => setPicked(e.currentTarget.checked ? [...picked, n.id] : picked.filter((x) => x !== n.id))} />
            ))}
          </Stack>
        )}
        <Text fw={600} size="sm" mt="sm">Hoặc nhập tay một cán bộ</Text>
        <Group grow align="flex-end">
          <Select label="Cán bộ" searchable clearable placeholder="Gõ tên" searchValue={search} onSearchChange={setSearch} value={personId} onChange={setPersonId} filter={({ options }) => options}
            data={(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.fullName}${p.position ? ` – ${p.position}` : ''}` }))} />
          <Select label="Danh hiệu" value={title} onChange={setTitle} data={REVIEW_TITLES} />
        </Group>
        <Text fw={600} size="sm" mt="sm">Hoặc thêm mọi người đủ điều kiện</Text>
        <Select label="Danh hiệu" clearable placeholder="Không dùng" value={eligibleFor} onChange={setEligibleFor} data={REVIEW_TITLES} />
      </FormModal>
    </>
  );
}

function EditQuotas({ s, onDone }: { s: TReviewSession; onDone: () => void }) {
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [rows, setRows] = useState<{ titleCode: string; max: number | '' }[]>([]);
  const open = () => {
    setError(null);
    setRows(REVIEW_TITLES.slice(0, 3).map((t) => ({ titleCode: t.value, max: (s.quotas.find((q) => q.titleCode === t.value)?.max ?? '') as number | '' })));
    setOpened(true);
  };
  const submit = async () => {
    const keep = s.quotas.filter((q) => !rows.some((r) => r.titleCode === q.titleCode)).map(({ titleCode, max, percent, ofTitleCode, note }) => ({ titleCode, max, percent, ofTitleCode, note }));
    const quotas = [...keep, ...rows.filter((r) => r.max !== '').map((r) => ({ titleCode: r.titleCode, max: Number(r.max), note: 'Chỉ tiêu của phiên bình xét' }))];
    await api.patch(`/reviews/${s.id}`, { quotas });
    setOpened(false);
    onDone();
  };
  return (
    <>
      <Button size="xs" variant="light" onClick={open}>Sửa chỉ tiêu</Button>
      <FormModal title="Chỉ tiêu của phiên bình xét" opened={opened} onClose={() => setOpened(false)} onSubmit={submit} error={error} setError={setError}>
        {rows.map((r, i) => (
          <NumberInput key={r.titleCode} label={`${REVIEW_TITLES.find((t) => t.value === r.titleCode)?.label}: tối đa`} placeholder="Không giới hạn" min={0} value={r.max}
            onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, max: v === '' ? '' : Number(v) } : x)))} />
        ))}
        <Text size="xs" c="dimmed">Luật Thi đua, khen thưởng 2022 bỏ giới hạn 15% CSTĐCS; chỉ tiêu ở đây theo kế hoạch của đơn vị.</Text>
      </FormModal>
    </>
  );
}

function DeclareConflict({ s, onDone, asOfficer }: { s: TReviewSession; onDone: () => void; asOfficer: boolean }) {
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [candidateId, setCandidateId] = useState<string | null>(null);
  const [memberId, setMemberId] = useState<string | null>(s.me?.memberId ?? null);
  const [reason, setReason] = useState('');
  const submit = async () => {
    if (!candidateId) throw new FormCheckError('Chọn ứng viên');
    await api.post(`/reviews/${s.id}/conflicts`, { candidateId, memberId: asOfficer ? memberId : undefined, reason });
    setOpened(false);
    onDone();
  };
  return (
    <>
      <Button size="xs" variant="light" color="orange" onClick={() => { setError(null); setReason(''); setOpened(true); }}>{asOfficer ? 'Ghi xung đột lợi ích' : 'Khai báo không biểu quyết'}</Button>
      <FormModal title="Khai báo không biểu quyết (xung đột lợi ích)" opened={opened} onClose={() => setOpened(false)} onSubmit={submit} error={error} setError={setError}>
        {asOfficer ? <Select label="Thành viên" value={memberId} onChange={setMemberId} data={s.members.map((m) => ({ value: m.id, label: m.name }))} /> : null}
        <Select label="Ứng viên" value={candidateId} onChange={setCandidateId} data={s.candidates.filter((c) => c.result !== 'withdrawn').map((c) => ({ value: c.id, label: `${c.name} – ${c.titleName}` }))} />
        <TextInput label="Lý do" placeholder="Ví dụ: người thân trong gia đình" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      </FormModal>
    </>
  );
}

function BallotForm({ s, onDone }: { s: TReviewSession; onDone: () => void }) {
  const skip = new Set(s.me?.conflictCandidateIds ?? []);
  const cands = s.candidates.filter((c) => c.result !== 'withdrawn' && !skip.has(c.id));
  const [choices, setChoices] = useState<Record<string, TChoice>>({});
  const { busy, error, run } = useBusyAction();
  const submit = () => run('ballot', async () => {
    const missing = cands.filter((c) => !choices[c.id]);
    if (missing.length) throw new FormCheckError(`Chưa biểu quyết cho: ${missing.map((c) => c.name).join(', ')}`);
    await api.post(`/reviews/${s.id}/ballot`, { choices });
    notifications.show({ color: 'green', message: 'Đã ghi nhận phiếu bầu. Phiếu được lưu không kèm tên người bỏ phiếu.' });
    onDone();
  });
  return (
    <Section title="Phiếu bầu của bạn (bỏ phiếu kín)">
      <Stack gap="xs">
        <ErrorAlert error={error} />
        <Table aria-label="Phiếu bầu">
          <Table.Tbody>
            {cands.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td><Text size="sm" fw={600}>{c.name}</Text><Text size="xs" c="dimmed">{c.titleName}</Text></Table.Td>
                <Table.Td><SegmentedControl aria-label={`Biểu quyết cho ${c.name}`} value={choices[c.id] ?? ''} data={CHOICES} onChange={(v) => setChoices({ ...choices, [c.id]: v as TChoice })} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {skip.size ? <Text size="xs" c="dimmed">Bạn không biểu quyết cho {s.candidates.filter((c) => skip.has(c.id)).map((c) => c.name).join(', ')} (đã khai báo xung đột lợi ích).</Text> : null}
        <Group justify="flex-end"><Button onClick={submit} loading={busy === 'ballot'}>Gửi phiếu</Button></Group>
      </Stack>
    </Section>
  );
}

function WrittenVote({ s, onDone }: { s: TReviewSession; onDone: () => void }) {
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [memberId, setMemberId] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, TChoice>>({});
  const conflicted = new Set(s.conflicts.filter((x) => x.memberId === memberId).map((x) => x.candidateId));
  const cands = s.candidates.filter((c) => c.result !== 'withdrawn' && !conflicted.has(c.id));
  const submit = async () => {
    if (!memberId) throw new FormCheckError('Chọn thành viên gửi phiếu');
    await api.post(`/reviews/${s.id}/written-votes`, { memberId, choices: Object.fromEntries(cands.filter((c) => choices[c.id]).map((c) => [c.id, choices[c.id]])) });
    setOpened(false);
    onDone();
  };
  return (
    <>
      <Button size="xs" variant="light" onClick={() => { setError(null); setChoices({}); setMemberId(null); setOpened(true); }}>Ghi phiếu bằng văn bản</Button>
      <FormModal title="Phiếu bằng văn bản của thành viên vắng mặt" opened={opened} onClose={() => setOpened(false)} onSubmit={submit} submitLabel="Ghi phiếu" error={error} setError={setError} size="xl">
        <Select label="Thành viên gửi phiếu" value={memberId} onChange={setMemberId} data={s.members.map((m) => ({ value: m.id, label: `${m.name} (${m.roleLabel})` }))} />
        {memberId ? cands.map((c) => (
          <Group key={c.id} justify="space-between">
            <Text size="sm">{c.name} – {c.titleName}</Text>
            <SegmentedControl size="xs" value={choices[c.id] ?? ''} data={CHOICES} onChange={(v) => setChoices({ ...choices, [c.id]: v as TChoice })} />
          </Group>
        )) : null}
      </FormModal>
    </>
  );
}

export default function ReviewDetailPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const q = useSession(id);
  const { busy, error: actionError, setError: setActionError, run } = useBusyAction();
  const refresh = () => { void qc.invalidateQueries({ queryKey: ['reviews'] }); void qc.invalidateQueries({ queryKey: ['nominations'] }); };
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const s = q.data;
  const draft = s.status === 'draft';
  const voting = s.status === 'open' || s.status === 'voting';
  const closed = s.status === 'closed';
  const live = s.candidates.filter((c) => c.result !== 'withdrawn');
  const act = async (name: string, path: string, confirmText?: string) => {
    if (confirmText && !window.confirm(confirmText)) return;
    await run(name, async () => { await api.post(`/reviews/${s.id}/${path}`); refresh(); });
  };

  return (
    <Stack gap="md">
      <DetailHeader
        back={{ to: '/binh-xet', label: 'Bình xét thi đua' }}
        title={s.name}
        actions={s.canManage ? (
          <Group gap="xs">
            {draft ? <Button loading={busy === 'open'} onClick={() => act('open', 'open')}>Khai mạc, mở bỏ phiếu</Button> : null}
            {voting ? <Button color="green" loading={busy === 'close'} onClick={() => act('close', 'close', 'Kết thúc bỏ phiếu và kiểm phiếu? Sau khi kết thúc không nhận thêm phiếu.')}>Kết thúc và kiểm phiếu</Button> : null}
          </Group>
        ) : null}
        status={{ label: s.statusLabel, color: REVIEW_STATUS_COLORS[s.status] }}
        facts={<>
          {s.unitName} · {s.period} · ngày họp {formatDateVi(s.reviewDate)}{s.location ? ` · ${s.location}` : ''}
          <Text span size="xs" c="dimmed" ml="xs">Bộ quy tắc: {s.ruleSetCode} (phiên bản {s.ruleSetVersion})</Text>
        </>}
      />
      <ErrorAlert error={actionError} />

      {voting ? (
        <Alert color="blue" title="Đang bỏ phiếu kín">
          Đã có {s.participation.electronic + s.participation.written}/{s.participation.members} thành viên bỏ phiếu ({s.participation.electronic} phiếu điện tử, {s.participation.written} phiếu bằng văn bản). Kết quả chỉ hiện sau khi kết thúc phiên.
        </Alert>
      ) : null}
      {voting && s.me?.canVote ? <BallotForm s={s} onDone={refresh} /> : null}
      {voting && s.me && !s.me.canVote && s.me.hasVoted ? <Alert color="green">Bạn đã bỏ phiếu. Phiếu được lưu không kèm tên người bỏ phiếu.</Alert> : null}

      {closed ? (
        <Section title="Kết quả kiểm phiếu" actions={s.minutesDocumentId ? (
          <>
            <Button size="xs" component="a" href={`/api/v1/reviews/${s.id}/minutes.docx`}>Tải Biên bản (Word)</Button>
            <Button size="xs" variant="light" component="a" href={`/api/v1/reviews/${s.id}/minutes.pdf`} target="_blank">Biên bản PDF</Button>
          </>
        ) : null}>
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-label="Kết quả kiểm phiếu">
              <Table.Thead>
                <Table.Tr><Table.Th>Ứng viên</Table.Th><Table.Th>Danh hiệu</Table.Th><Table.Th>Đồng ý</Table.Th><Table.Th>Không đồng ý</Table.Th><Table.Th>Không biểu quyết</Table.Th><Table.Th>Tỷ lệ đồng ý</Table.Th><Table.Th>Kết quả</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {live.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td><Text size="sm">{c.name}</Text></Table.Td>
                    <Table.Td><Text size="sm">{c.titleName}</Text></Table.Td>
                    <Table.Td>{c.votes?.for ?? 0}{c.votes?.writtenFor ? <Text span size="xs" c="dimmed"> (gồm {c.votes.writtenFor} văn bản)</Text> : null}</Table.Td>
                    <Table.Td>{c.votes?.against ?? 0}</Table.Td>
                    <Table.Td>{c.votes?.abstain ?? 0}</Table.Td>
                    <Table.Td><Text size="sm">{c.votes?.for ?? 0}/{s.members.length}</Text><Text size="xs" c="dimmed">{c.threshold}</Text></Table.Td>
                    <Table.Td><Text size="sm" fw={600} c={c.result === 'passed' ? 'green.8' : 'red.8'} style={{ whiteSpace: 'nowrap' }}>{c.resultLabel}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Section>
      ) : null}

      <Section title={`Hội đồng thi đua – khen thưởng (${s.members.length} thành viên)`} actions={
        <>
          {draft && s.canManage ? <AddMembers s={s} onDone={refresh} /> : null}
          {voting && s.canRecordWritten ? <WrittenVote s={s} onDone={refresh} /> : null}
        </>
      }>
        {draft && s.members.length % 2 === 0 && s.members.length > 0 ? <Alert color="yellow" mb="xs">Hội đồng đang có số thành viên chẵn ({s.members.length}); cần số lẻ để khai mạc.</Alert> : null}
        {s.members.length === 0 ? <Empty>Chưa có thành viên.</Empty> : (
          <Table aria-label="Thành viên Hội đồng">
            <Table.Thead><Table.Tr><Table.Th>Họ và tên</Table.Th><Table.Th>Chức vụ</Table.Th><Table.Th>Vai trò</Table.Th><Table.Th>Tài khoản</Table.Th>{closed ? <Table.Th>Tham gia</Table.Th> : null}{draft && s.canManage ? <Table.Th /> : null}</Table.Tr></Table.Thead>
            <Table.Tbody>
              {s.members.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td><Text size="sm">{m.name}</Text></Table.Td>
                  <Table.Td><Text size="sm">{m.position ?? '—'}</Text></Table.Td>
                  <Table.Td><Text size="sm">{m.roleLabel}</Text></Table.Td>
                  <Table.Td><Text size="sm">{m.hasAccount ? 'Bỏ phiếu điện tử' : 'Phiếu bằng văn bản'}</Text></Table.Td>
                  {closed ? <Table.Td><Text size="sm">{m.participation === 'electronic' ? 'Có mặt' : m.participation === 'written' ? 'Vắng, gửi phiếu bằng văn bản' : 'Vắng mặt'}</Text></Table.Td> : null}
                  {draft && s.canManage ? (
                    <Table.Td><Anchor size="xs" c="red" onClick={async () => { try { await api.post(`/reviews/${s.id}/members/${m.id}/remove`); refresh(); } catch (e) { setActionError(e); } }}>Bỏ</Anchor></Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      <Section title={`Ứng viên (${live.length})`} actions={draft && s.canManage ? <AddCandidates s={s} onDone={refresh} /> : null}>
        {live.length === 0 ? <Empty>Chưa có ứng viên.</Empty> : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="Ứng viên">
              <Table.Thead><Table.Tr><Table.Th>Họ và tên</Table.Th><Table.Th>Danh hiệu đề nghị</Table.Th><Table.Th>Đối chiếu tiêu chuẩn</Table.Th><Table.Th>Ngưỡng biểu quyết</Table.Th>{(draft || s.status === 'open') && s.canManage ? <Table.Th /> : null}</Table.Tr></Table.Thead>
              <Table.Tbody>
                {live.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td><Text size="sm">{c.name}</Text></Table.Td>
                    <Table.Td><Text size="sm">{c.titleName}</Text></Table.Td>
                    <Table.Td><Eligibility c={c} /></Table.Td>
                    <Table.Td><Text size="xs">{c.threshold ?? '—'}</Text></Table.Td>
                    {(draft || s.status === 'open') && s.canManage ? (
                      <Table.Td><Anchor size="xs" c="red" onClick={async () => {
                        const reason = window.prompt(`Lý do rút ${c.name} khỏi phiên bình xét?`);
                        if (!reason) return;
                        try { await api.post(`/reviews/${s.id}/candidates/${c.id}/withdraw`, { reason }); refresh(); } catch (e) { setActionError(e); }
                      }}>Rút</Anchor></Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>

      <Group grow align="flex-start">
        <Section title="Chỉ tiêu" actions={(draft || s.status === 'open') && s.canManage ? <EditQuotas s={s} onDone={refresh} /> : null}>
          {s.quotas.length === 0 ? <Text size="sm" c="dimmed">Không đặt chỉ tiêu.</Text> : (
            <Stack gap={4}>
              {s.quotas.map((qq) => (
                <Text key={qq.titleCode} size="sm" c={qq.count > qq.limit ? 'red' : undefined}>{qq.titleName}: {qq.count}/{qq.limit}{qq.note ? ` (${qq.note})` : ''}</Text>
              ))}
            </Stack>
          )}
        </Section>
        <Section title="Xung đột lợi ích" actions={(draft || s.status === 'open') ? (
          <>
            {s.me ? <DeclareConflict s={s} onDone={refresh} asOfficer={false} /> : null}
            {s.canManage ? <DeclareConflict s={s} onDone={refresh} asOfficer /> : null}
          </>
        ) : null}>
          {s.conflicts.length === 0 ? <Text size="sm" c="dimmed">Chưa có khai báo.</Text> : (
            <Stack gap={4}>
              {s.conflicts.map((x) => <Text key={x.id} size="sm">{x.memberName} không biểu quyết cho {x.candidateName} ({x.titleName}): {x.reason}</Text>)}
            </Stack>
          )}
        </Section>
      </Group>
    </Stack>
  );
}
