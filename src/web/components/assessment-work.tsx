// Tabs "Tự đánh giá", "Thẩm định" (grid with autosave), "Phê duyệt" and "Kết quả & xếp hạng".
import { Alert, Badge, Button, FileInput, Group, Modal, NumberInput, Select, Stack, Stepper, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, toQuery } from '../api/client';
import type { TAssessment, TGrid, TRanking, TSelf, TUnitResult } from './assessment-types';
import { pts } from './assessment-types';
import { Empty, ErrorAlert, Loading } from './ui';

const num = (v: number | string) => (v === '' || v == null ? null : Number(v));

export function SelfTab({ a }: { a: TAssessment }) {
  const qc = useQueryClient();
  const mine = a.units.filter((u) => u.canSelfAssess);
  const [unitId, setUnitId] = useState<string | null>(mine[0]?.unitId ?? a.units[0]?.unitId ?? null);
  const self = useQuery({ queryKey: ['assessments', a.id, 'self', unitId], queryFn: () => api.get<TSelf>(`/assessments/${a.id}/units/${unitId}/self`), enabled: !!unitId });
  const [draft, setDraft] = useState<Record<string, { score: number | string; explanation: string }>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    if (self.data) setDraft(Object.fromEntries(self.data.items.filter((i) => i.scorable).map((i) => [i.criterionId, { score: i.score ?? '', explanation: i.explanation ?? '' }])));
  }, [self.data]);
  const run = async (fn: () => Promise<unknown>, message: string) => {
    setError(null); setSaved('');
    try { await fn(); setSaved(message); await self.refetch(); qc.invalidateQueries({ queryKey: ['assessments', 'detail', a.id] }); } catch (e) { setError(e); }
  };
  const save = () => run(() => api.put(`/assessments/${a.id}/units/${unitId}/self`, { items: Object.entries(draft).map(([criterionId, d]) => ({ criterionId, score: num(d.score), explanation: d.explanation || null })) }), 'Đã lưu tự đánh giá');
  if (!a.units.length) return <Empty>Chưa có đơn vị được đánh giá.</Empty>;
  const d = self.data;
  const total = Object.values(draft).reduce((s, x) => s + (num(x.score) ?? 0), 0);
  return (
    <Stack>
      <Select label="Đơn vị" w={420} data={(mine.length ? mine : a.units).map((u) => ({ value: u.unitId, label: u.unitName }))} value={unitId} onChange={setUnitId} allowDeselect={false} />
      {error ? <ErrorAlert error={error} /> : null}
      {saved ? <Alert color="green">{saved}</Alert> : null}
      {self.isPending ? <Loading /> : self.isError ? <ErrorAlert error={self.error} /> : d ? (
        <>
          <Group><Badge color={d.selfState === 'submitted' ? 'green' : 'gray'} variant="light">{d.selfState === 'submitted' ? 'Đã gửi' : 'Chưa gửi'}</Badge><Text>Tổng điểm tự chấm: <b>{pts(d.selfTotal ?? total)}</b></Text></Group>
          <Table.ScrollContainer minWidth={900}>
            <Table aria-label="Tự đánh giá">
              <Table.Thead><Table.Tr><Table.Th>Tiêu chí</Table.Th><Table.Th w={130}>Điểm</Table.Th><Table.Th>Giải trình</Table.Th><Table.Th>Minh chứng</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {d.items.map((i) => (
                  <Table.Tr key={i.criterionId}>
                    <Table.Td fw={i.level === 1 ? 700 : undefined} pl={i.level * 10}>
                      {i.code}. {i.name}
                      <Text size="xs" c="dimmed">Tối đa {pts(i.maxPoints)}{i.bonusPoints ? `, thưởng đến ${pts(i.bonusPoints)}` : ''}{i.penaltyPoints ? `, trừ đến ${pts(i.penaltyPoints)}` : ''}{i.guidance ? ` — ${i.guidance}` : ''}</Text>
                      {i.indicatorCode ? <Text size="xs" c="blue">Chỉ tiêu {i.indicatorCode}: {i.indicatorValue == null ? 'chưa có số liệu báo cáo' : `${pts(i.indicatorValue)} (gợi ý ${pts(i.suggestedScore)} điểm)`}</Text> : null}
                    </Table.Td>
                    <Table.Td>{i.scorable ? (
                      <NumberInput aria-label={`Điểm tiêu chí ${i.code}`} decimalSeparator="," disabled={!d.canEdit} value={draft[i.criterionId]?.score ?? ''} onChange={(v) => setDraft({ ...draft, [i.criterionId]: { ...draft[i.criterionId], score: v } })} />
                    ) : null}</Table.Td>
                    <Table.Td>{i.scorable ? <Textarea aria-label={`Giải trình tiêu chí ${i.code}`} autosize minRows={1} disabled={!d.canEdit} value={draft[i.criterionId]?.explanation ?? ''} onChange={(e) => setDraft({ ...draft, [i.criterionId]: { ...draft[i.criterionId], explanation: e.currentTarget.value } })} /> : null}</Table.Td>
                    <Table.Td>{i.scorable ? (
                      <Stack gap={2}>
                        {i.evidence.map((e) => (
                          <Group key={e.id} gap={4} wrap="nowrap">
                            <Text size="sm" component="a" href={`/api/v1/files/${e.attachmentId}`} target="_blank">{e.fileName}</Text>
                            {d.canEdit ? <Button size="compact-xs" variant="subtle" color="red" aria-label={`Gỡ ${e.fileName}`} onClick={() => void run(() => api.post(`/assessments/${a.id}/evidence/${e.id}/remove`), `Đã gỡ ${e.fileName}`)}>Gỡ</Button> : null}
                          </Group>
                        ))}
                        {d.canEdit ? <FileInput aria-label={`Minh chứng tiêu chí ${i.code}`} placeholder={i.evidenceRequired ? 'Bắt buộc — chọn tệp' : 'Chọn tệp'} size="xs" onChange={(f) => { if (!f) return; const fd = new FormData(); fd.append('file', f); fd.append('criterionId', i.criterionId); void run(() => api.upload(`/assessments/${a.id}/units/${unitId}/evidence`, fd), `Đã tải lên ${f.name}`); }} /> : null}
                      </Stack>
                    ) : null}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {d.canEdit ? (
            <Group>
              <Button variant="default" onClick={save}>Lưu nháp</Button>
              <Button onClick={() => run(async () => { await api.put(`/assessments/${a.id}/units/${unitId}/self`, { items: Object.entries(draft).map(([criterionId, x]) => ({ criterionId, score: num(x.score), explanation: x.explanation || null })) }); await api.post(`/assessments/${a.id}/units/${unitId}/submit`); }, 'Đã gửi tự đánh giá')}>Gửi tự đánh giá</Button>
            </Group>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}

export function GridTab({ a }: { a: TAssessment }) {
  const groups = a.criteria.filter((c) => c.level === 1);
  const [groupId, setGroupId] = useState<string | null>(a.myReviewerGroups[0] ?? groups[0]?.id ?? null);
  const grid = useQuery({ queryKey: ['assessments', a.id, 'grid', groupId], queryFn: () => api.get<TGrid>(`/assessments/${a.id}/grid${toQuery({ groupId })}`) });
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [local, setLocal] = useState<Record<string, { final: number; mine: number | null; count: number }>>({});
  const [recuseFor, setRecuseFor] = useState<string | null>(null);
  const [recuseReason, setRecuseReason] = useState('');
  const [recuseError, setRecuseError] = useState<unknown>(null);
  useEffect(() => setLocal({}), [grid.data]);
  if (grid.isPending) return <Loading />;
  if (grid.isError) return <ErrorAlert error={grid.error} />;
  const g = grid.data;
  const cellOf = new Map(g.cells.map((c) => [`${c.unitId}|${c.criterionId}`, c]));
  // Autosave: each cell is saved when it loses focus, with the reason typed above the grid.
  const saveCell = async (unitId: string, criterionId: string, value: string) => {
    const key = `${unitId}|${criterionId}`;
    const before = local[key]?.mine ?? cellOf.get(key)?.mine ?? null;
    const score = value.trim() === '' ? null : Number(value.replace(',', '.'));
    if (score === before) return;
    if (!reason.trim()) { setStatus({ kind: 'error', text: 'Mỗi lần thay đổi điểm thẩm định cần ghi lý do' }); return; }
    try {
      const res = await api.patch<{ final: number; mine: number | null; count: number }>(`/assessments/${a.id}/grid`, { unitId, criterionId, score, reason });
      setLocal((l) => ({ ...l, [key]: res }));
      setStatus({ kind: 'ok', text: `Đã lưu: ${g.units.find((u) => u.unitId === unitId)?.unitName} – ${g.criteria.find((c) => c.id === criterionId)?.code}, điểm thẩm định ${pts(res.final)}` });
    } catch (e) {
      setStatus({ kind: 'error', text: e instanceof Error ? e.message : 'Không lưu được' });
    }
  };
  const myGroup = g.groups.find((x) => x.id === groupId)?.mine;
  return (
    <Stack>
      <Group align="flex-end">
        <Select label="Nhóm tiêu chí" w={420} data={g.groups.map((x) => ({ value: x.id, label: `${x.code}. ${x.name}${x.mine ? ' (tôi thẩm định)' : ''}` }))} value={groupId} onChange={setGroupId} allowDeselect={false} />
        {g.editable && myGroup ? <TextInput label="Lý do thay đổi điểm (bắt buộc)" w={420} value={reason} onChange={(e) => setReason(e.currentTarget.value)} /> : null}
      </Group>
      <Text size="sm" c="dimmed">Người thẩm định nhóm: {g.groups.find((x) => x.id === groupId)?.reviewers.map((r) => r.fullName).join(', ') || 'chưa phân công'}. Mỗi ô: điểm tự chấm → điểm thẩm định (bình quân người đã chấm). Ô được lưu tự động khi rời ô.</Text>
      {status ? <Alert color={status.kind === 'ok' ? 'green' : 'red'} role="status">{status.text}</Alert> : null}
      <Table.ScrollContainer minWidth={Math.max(700, 200 + g.criteria.length * 120)}>
        <Table withTableBorder withColumnBorders aria-label="Bảng thẩm định">
          <Table.Thead>
            <Table.Tr><Table.Th>Đơn vị</Table.Th>{g.criteria.map((c) => <Table.Th key={c.id} title={c.name}>{c.code} <Text span size="xs" c="dimmed">/{pts(c.maxPoints)}</Text></Table.Th>)}{g.editable && myGroup ? <Table.Th /> : null}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {g.units.map((u) => {
              const recused = g.recusals.some((r) => r.unitId === u.unitId && r.groupId === groupId);
              return (
                <Table.Tr key={u.unitId}>
                  <Table.Td>{u.unitName}{u.own ? <Badge ml={4} size="xs" color="gray">Đơn vị của tôi</Badge> : null}{recused ? <Text size="xs" c="orange">{g.recusals.filter((r) => r.unitId === u.unitId && r.groupId === groupId).map((r) => `${r.fullName} không tham gia: ${r.reason}`).join('; ')}</Text> : null}</Table.Td>
                  {g.criteria.map((c) => {
                    const key = `${u.unitId}|${c.id}`;
                    const cell = cellOf.get(key);
                    const live = local[key];
                    return (
                      <Table.Td key={c.id}>
                        <Text size="xs" c="dimmed">Tự chấm {pts(cell?.self)}</Text>
                        {cell?.canEdit ? (
                          <TextInput size="xs" w={80} aria-label={`Điểm ${c.code} của ${u.unitName}`} defaultValue={cell.mine == null ? '' : String(cell.mine).replace('.', ',')} onBlur={(e) => void saveCell(u.unitId, c.id, e.currentTarget.value)} />
                        ) : null}
                        <Text size="sm" fw={600}>{pts(live?.final ?? cell?.final)}</Text>
                      </Table.Td>
                    );
                  })}
                  {g.editable && myGroup ? <Table.Td>{g.units.length && !u.own ? <Button size="xs" variant="subtle" color="orange" onClick={() => { setRecuseFor(u.unitId); setRecuseReason(''); setRecuseError(null); }}>Không tham gia</Button> : null}</Table.Td> : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={!!recuseFor} onClose={() => setRecuseFor(null)} title="Không tham gia thẩm định đơn vị này" centered>
        <Stack>
          {recuseError ? <ErrorAlert error={recuseError} /> : null}
          <Text size="sm">{g.units.find((u) => u.unitId === recuseFor)?.unitName} — nhóm {g.groups.find((x) => x.id === groupId)?.code}. Điểm bạn đã chấm ở nhóm này cho đơn vị sẽ bị rút; điểm của đơn vị là bình quân của những người còn lại.</Text>
          <Textarea label="Lý do (xung đột lợi ích)" value={recuseReason} onChange={(e) => setRecuseReason(e.currentTarget.value)} />
          <Group justify="flex-end"><Button variant="default" onClick={() => setRecuseFor(null)}>Hủy</Button>
            <Button color="orange" onClick={async () => { try { await api.post(`/assessments/${a.id}/recusals`, { groupId, unitId: recuseFor, reason: recuseReason }); setRecuseFor(null); await grid.refetch(); } catch (e) { setRecuseError(e); } }}>Xác nhận không tham gia</Button></Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

export function ApprovalTab({ a }: { a: TAssessment }) {
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const [returning, setReturning] = useState(false);
  const act = async (path: string, body?: unknown) => {
    setError(null);
    try { qc.setQueryData(['assessments', 'detail', a.id], await api.post<TAssessment>(`/assessments/${a.id}/${path}`, body)); setReason(''); setReturning(false); qc.invalidateQueries({ queryKey: ['assessments', a.id] }); } catch (e) { setError(e); }
  };
  const active = a.state === 'published' ? a.tiers.length + 1 : a.state === 'approval' ? a.currentTier + 1 : 0;
  return (
    <Stack>
      {error ? <ErrorAlert error={error} /> : null}
      <Stepper active={active} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="Thẩm định" description="Trình phê duyệt" />
        {a.tiers.map((t, i) => <Stepper.Step key={i} label={t.label} description={t.roleLabel} />)}
        <Stepper.Completed><Alert color="green" mt="sm">Kết quả đã công bố{a.publishedAt ? ` ngày ${a.publishedAt.slice(0, 10).split('-').reverse().join('/')}` : ''}; kết quả không thể thay đổi.</Alert></Stepper.Completed>
      </Stepper>
      {a.state === 'approval' ? <Text>Đang chờ: <b>{a.currentTierLabel}</b></Text> : null}
      <Group>
        {a.can.submitForApproval ? <Button onClick={() => act('submit')}>Trình phê duyệt</Button> : null}
        {a.can.approve && !a.can.publish ? <Button onClick={() => act('approve', { reason: reason || null })}>Đồng ý, chuyển cấp tiếp theo</Button> : null}
        {a.can.publish ? <Button color="green" onClick={() => act('publish', { reason: reason || null })}>Công bố kết quả</Button> : null}
        {a.can.approve ? <Button variant="default" color="red" onClick={() => setReturning(true)}>Trả lại</Button> : null}
      </Group>
      {a.can.approve ? <Textarea label={returning ? 'Lý do trả lại (bắt buộc)' : 'Ý kiến (không bắt buộc)'} value={reason} onChange={(e) => setReason(e.currentTarget.value)} /> : null}
      {returning ? <Group><Button color="red" onClick={() => act('return', { reason })}>Xác nhận trả lại</Button><Button variant="default" onClick={() => setReturning(false)}>Hủy</Button></Group> : null}
      <Table aria-label="Lịch sử phê duyệt">
        <Table.Thead><Table.Tr><Table.Th>Ngày</Table.Th><Table.Th>Cấp</Table.Th><Table.Th>Thao tác</Table.Th><Table.Th>Người thực hiện</Table.Th><Table.Th>Ý kiến, lý do</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>{a.approvals.map((p, i) => <Table.Tr key={i}><Table.Td>{p.atLabel}</Table.Td><Table.Td>{p.tierLabel}</Table.Td><Table.Td>{p.actionLabel}</Table.Td><Table.Td>{p.fullName}</Table.Td><Table.Td>{p.reason ?? ''}</Table.Td></Table.Tr>)}</Table.Tbody>
      </Table>
    </Stack>
  );
}

function UnitResultModal({ a, unitId, onClose }: { a: TAssessment; unitId: string | null; onClose: () => void }) {
  const r = useQuery({ queryKey: ['assessments', a.id, 'result', unitId], queryFn: () => api.get<TUnitResult>(`/assessments/${a.id}/units/${unitId}/result`), enabled: !!unitId });
  return (
    <Modal opened={!!unitId} onClose={onClose} title={r.data ? `Kết quả: ${r.data.unitName}` : 'Kết quả'} size="xl" centered>
      {r.isPending ? <Loading /> : r.isError ? <ErrorAlert error={r.error} /> : (
        <Stack>
          <Text>Tổng điểm <b>{pts(r.data.total)}</b> (tự chấm {pts(r.data.selfTotal)}) · {r.data.bandLabel ?? ''} · hạng {r.data.rank}{r.data.clusterName ? ` ${r.data.clusterName}` : ''}</Text>
          <Table aria-label="Điểm từng tiêu chí">
            <Table.Thead><Table.Tr><Table.Th>Tiêu chí</Table.Th><Table.Th>Tối đa</Table.Th><Table.Th>Tự chấm</Table.Th><Table.Th>Thẩm định</Table.Th><Table.Th>Lý do của người thẩm định</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>{r.data.items.map((i) => (
              <Table.Tr key={i.criterionId} fw={i.level === 1 ? 700 : undefined}>
                <Table.Td>{i.code}. {i.name}</Table.Td><Table.Td>{pts(i.maxPoints)}</Table.Td><Table.Td>{i.scorable ? pts(i.self) : ''}</Table.Td><Table.Td>{pts(i.final)}</Table.Td>
                <Table.Td>{i.reasons.map((x, k) => <Text key={k} size="xs">{x.fullName}: {pts(x.score)} — {x.reason}</Text>)}</Table.Td>
              </Table.Tr>
            ))}</Table.Tbody>
          </Table>
        </Stack>
      )}
    </Modal>
  );
}

export function RankingTab({ a }: { a: TAssessment }) {
  const ranking = useQuery({ queryKey: ['assessments', a.id, 'ranking'], queryFn: () => api.get<TRanking>(`/assessments/${a.id}/ranking`), enabled: a.can.viewRanking });
  const [unitId, setUnitId] = useState<string | null>(null);
  const [nominated, setNominated] = useState<{ unitName: string; titleName: string }[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!a.can.viewRanking) {
    return <Stack><Text>Xếp hạng được công khai sau khi công bố kết quả.</Text>{a.units.map((u) => <Text key={u.unitId}>{u.unitName}: tự chấm {pts(u.selfTotal)}</Text>)}</Stack>;
  }
  if (ranking.isPending) return <Loading />;
  if (ranking.isError) return <ErrorAlert error={ranking.error} />;
  const r = ranking.data;
  return (
    <Stack>
      {!r.published ? <Alert color="yellow">Xếp hạng tạm tính theo điểm hiện tại; kết quả chính thức khi công bố.</Alert> : null}
      {r.tieRules.length ? <Text size="sm" c="dimmed">Khi bằng tổng điểm: xếp trên đơn vị có điểm cao hơn ở {r.tieRules.map((t) => `${t.criterionCode}. ${t.name}`).join(', rồi ')}.</Text> : null}
      {error ? <ErrorAlert error={error} /> : null}
      {r.clusters.map((c) => (
        <Stack key={c.clusterId ?? '-'} gap="xs">
          <Text fw={700}>{c.clusterName}</Text>
          <Table.ScrollContainer minWidth={800}>
            <Table striped aria-label={`Xếp hạng ${c.clusterName}`}>
              <Table.Thead><Table.Tr><Table.Th>Hạng</Table.Th><Table.Th>Đơn vị</Table.Th>{r.groups.map((g) => <Table.Th key={g.id} title={g.name}>Nhóm {g.code}</Table.Th>)}<Table.Th>Tự chấm</Table.Th><Table.Th>Tổng điểm</Table.Th><Table.Th>Xếp loại</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>{c.rows.map((row) => (
                <Table.Tr key={row.unitId}>
                  <Table.Td>{row.rank}{row.tiedOn && row.tiedOn !== 'equal' ? <Text span size="xs" c="dimmed"> (bằng điểm, xét {row.tiedOn})</Text> : null}</Table.Td>
                  <Table.Td><Button variant="subtle" size="compact-sm" onClick={() => setUnitId(row.unitId)}>{row.unitName}</Button></Table.Td>
                  {row.groupScores.map((s, i) => <Table.Td key={i}>{pts(s)}</Table.Td>)}
                  <Table.Td>{pts(row.selfTotal)}</Table.Td><Table.Td fw={700}>{pts(row.total)}</Table.Td><Table.Td>{row.bandLabel ?? ''}</Table.Td>
                </Table.Tr>
              ))}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ))}
      {a.can.nominate ? (
        <Group>
          <Button onClick={async () => { setError(null); try { const res = await api.post<{ items: { unitName: string; titleName: string }[] }>(`/assessments/${a.id}/nominations`); setNominated(res.items); } catch (e) { setError(e); } }}>
            Đề nghị khen thưởng các đơn vị dẫn đầu
          </Button>
          <Text size="sm" c="dimmed">{a.nominationRules.map((n) => `${n.titleCode === 'GIAY_KHEN' ? 'Giấy khen' : n.titleCode === 'CO_THI_DUA' ? 'Cờ thi đua' : n.titleCode}: ${n.top} đơn vị dẫn đầu mỗi cụm/khối`).join('; ')}</Text>
        </Group>
      ) : null}
      {nominated ? <Alert color="green" title={`Đã chuyển ${nominated.length} đề nghị sang bình xét khen thưởng`}>{nominated.map((n, i) => <Text key={i} size="sm">{n.unitName} — {n.titleName}</Text>)}</Alert> : null}
      <UnitResultModal a={a} unitId={unitId} onClose={() => setUnitId(null)} />
    </Stack>
  );
}
