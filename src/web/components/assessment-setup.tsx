// Tabs "Tiêu chí" and "Đơn vị" of an assessment: the criteria table (add, remove, Excel import with a
// dry run, export), approval tiers and tie rules; the units assessed and reviewers per group.
import { ActionIcon, Alert, Badge, Button, Checkbox, FileInput, Group, MultiSelect, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, downloadFile } from '../api/client';
import type { TAssessment, TCriterion, TTier } from './assessment-types';
import { pts } from './assessment-types';
import { ErrorAlert } from './ui';
import { UnitPicker, type TUnitOption } from './unit-picker';

type TImportResult = { applied: boolean; errors: { row: number; message: string }[]; summary: { rows: number; groups: number; maxTotal: number } };

function toInput(c: TCriterion) {
  return { code: c.code, name: c.name, maxPoints: c.maxPoints, bonusPoints: c.bonusPoints, penaltyPoints: c.penaltyPoints, guidance: c.guidance, evidenceRequired: c.evidenceRequired, evidenceTypes: c.evidenceTypes, deadline: c.deadline, indicatorCode: c.indicatorCode };
}

export function CriteriaTab({ a }: { a: TAssessment }) {
  const qc = useQueryClient();
  const refresh = (data: TAssessment) => qc.setQueryData(['assessments', 'detail', a.id], data);
  const [error, setError] = useState<unknown>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dry, setDry] = useState<TImportResult | null>(null);
  const [row, setRow] = useState({ code: '', name: '', maxPoints: 0 as number | string, bonusPoints: 0 as number | string, penaltyPoints: 0 as number | string, evidenceRequired: false, indicatorCode: '' });
  const run = async (fn: () => Promise<unknown>) => { setError(null); try { await fn(); } catch (e) { setError(e); } };
  const importFile = (dryRun: boolean) => run(async () => {
    if (!file) return;
    const f = new FormData();
    f.append('file', file);
    const res = await api.upload<TImportResult>(`/assessments/${a.id}/criteria/import?dryRun=${dryRun}`, f);
    setDry(res);
    if (res.applied) { setFile(null); refresh(await api.get<TAssessment>(`/assessments/${a.id}`)); }
  });
  const addRow = () => run(async () => {
    const items = [...a.criteria.map(toInput), { code: row.code.trim(), name: row.name.trim(), maxPoints: Number(row.maxPoints) || 0, bonusPoints: Number(row.bonusPoints) || 0, penaltyPoints: Number(row.penaltyPoints) || 0, evidenceRequired: row.evidenceRequired, indicatorCode: row.indicatorCode || null }];
    // Keep the tree order: a new row goes after its siblings.
    items.sort((x, y) => x.code.localeCompare(y.code, 'vi', { numeric: true }));
    // A parent's max follows its children's sum.
    for (const p of items) { const kids = items.filter((k) => k.code.startsWith(`${p.code}.`) && k.code.split('.').length === p.code.split('.').length + 1); if (kids.length) p.maxPoints = kids.reduce((s, k) => s + k.maxPoints, 0); }
    for (const p of [...items].reverse()) { const kids = items.filter((k) => k.code.startsWith(`${p.code}.`) && k.code.split('.').length === p.code.split('.').length + 1); if (kids.length) p.maxPoints = kids.reduce((s, k) => s + k.maxPoints, 0); }
    refresh(await api.put<TAssessment>(`/assessments/${a.id}/criteria`, { items }));
    setRow({ ...row, code: '', name: '', maxPoints: 0, bonusPoints: 0, penaltyPoints: 0, evidenceRequired: false, indicatorCode: '' });
  });
  const removeRow = (code: string) => run(async () => {
    const items = a.criteria.filter((c) => c.code !== code && !c.code.startsWith(`${code}.`)).map(toInput);
    for (const p of [...items].reverse()) { const kids = items.filter((k) => k.code.startsWith(`${p.code}.`) && k.code.split('.').length === p.code.split('.').length + 1); if (kids.length) p.maxPoints = kids.reduce((s, k) => s + k.maxPoints, 0); }
    refresh(await api.put<TAssessment>(`/assessments/${a.id}/criteria`, { items }));
  });
  return (
    <Stack>
      {error ? <ErrorAlert error={error} /> : null}
      <Group justify="space-between">
        <Text>Tổng điểm tối đa: <b>{pts(a.maxTotal)}</b> · {a.criteria.filter((c) => c.scorable).length} tiêu chí chấm điểm</Text>
        <Button variant="default" onClick={() => downloadFile(`/assessments/${a.id}/criteria.xlsx`, 'Bang-tieu-chi.xlsx')}>Xuất Excel</Button>
      </Group>
      <Table.ScrollContainer minWidth={800}>
        <Table striped aria-label="Bảng tiêu chí">
          <Table.Thead><Table.Tr><Table.Th>Mã</Table.Th><Table.Th>Nhóm / tiêu chí</Table.Th><Table.Th>Tối đa</Table.Th><Table.Th>Thưởng</Table.Th><Table.Th>Trừ tối đa</Table.Th><Table.Th>Minh chứng</Table.Th><Table.Th>Chỉ tiêu báo cáo</Table.Th>{a.can.editCriteria ? <Table.Th /> : null}</Table.Tr></Table.Thead>
          <Table.Tbody>
            {a.criteria.map((c) => (
              <Table.Tr key={c.id} fw={c.level === 1 ? 700 : undefined}>
                <Table.Td>{c.code}</Table.Td>
                <Table.Td pl={c.level * 12}>{c.name}{c.guidance ? <Text size="xs" c="dimmed">{c.guidance}</Text> : null}</Table.Td>
                <Table.Td>{pts(c.maxPoints)}</Table.Td>
                <Table.Td>{c.bonusPoints ? `+${pts(c.bonusPoints)}` : ''}</Table.Td>
                <Table.Td>{c.penaltyPoints ? `−${pts(c.penaltyPoints)}` : ''}</Table.Td>
                <Table.Td>{c.evidenceRequired ? <Badge variant="light">Bắt buộc{c.evidenceTypes ? ` (${c.evidenceTypes.join(', ')})` : ''}</Badge> : ''}</Table.Td>
                <Table.Td>{c.indicatorCode ?? ''}</Table.Td>
                {a.can.editCriteria ? <Table.Td><ActionIcon variant="subtle" color="red" aria-label={`Xóa ${c.code}`} onClick={() => removeRow(c.code)}>×</ActionIcon></Table.Td> : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {a.can.editCriteria ? (
        <>
          <Title order={5}>Thêm nhóm / tiêu chí</Title>
          <Group align="flex-end" wrap="wrap">
            <TextInput label="Mã (1, 1.2, 1.2.a)" w={110} value={row.code} onChange={(e) => setRow({ ...row, code: e.currentTarget.value })} />
            <TextInput label="Tên" w={320} value={row.name} onChange={(e) => setRow({ ...row, name: e.currentTarget.value })} />
            <NumberInput label="Điểm tối đa" w={110} min={0} decimalSeparator="," value={row.maxPoints} onChange={(v) => setRow({ ...row, maxPoints: v })} />
            <NumberInput label="Điểm thưởng" w={110} min={0} decimalSeparator="," value={row.bonusPoints} onChange={(v) => setRow({ ...row, bonusPoints: v })} />
            <NumberInput label="Điểm trừ tối đa" w={120} min={0} decimalSeparator="," value={row.penaltyPoints} onChange={(v) => setRow({ ...row, penaltyPoints: v })} />
            <TextInput label="Mã chỉ tiêu báo cáo" w={170} value={row.indicatorCode} onChange={(e) => setRow({ ...row, indicatorCode: e.currentTarget.value })} />
            <Checkbox label="Bắt buộc minh chứng" checked={row.evidenceRequired} onChange={(e) => setRow({ ...row, evidenceRequired: e.currentTarget.checked })} />
            <Button onClick={addRow} disabled={!row.code || !row.name}>Thêm</Button>
          </Group>
          <Title order={5}>Nhập từ Excel</Title>
          <Group align="flex-end">
            <FileInput label="Tệp Excel (.xlsx) theo mẫu Xuất Excel" w={320} accept=".xlsx" value={file} onChange={(f) => { setFile(f); setDry(null); }} clearable />
            <Button variant="default" disabled={!file} onClick={() => importFile(true)}>Kiểm tra tệp</Button>
            <Button disabled={!file || !dry || dry.errors.length > 0} onClick={() => importFile(false)}>Áp dụng bảng tiêu chí</Button>
          </Group>
          {dry ? (dry.errors.length ? (
            <Alert color="red" title={`Tệp có ${dry.errors.length} lỗi, chưa nhập gì`}>
              <Stack gap={2}>{dry.errors.map((e, i) => <Text key={i} size="sm">{e.row ? `Dòng ${e.row}: ` : ''}{e.message}</Text>)}</Stack>
            </Alert>
          ) : <Alert color={dry.applied ? 'green' : 'blue'}>{dry.applied ? 'Đã nhập' : 'Tệp hợp lệ'}: {dry.summary.rows} dòng, {dry.summary.groups} nhóm, tổng {pts(dry.summary.maxTotal)} điểm.</Alert>) : null}
        </>
      ) : null}
      <SettingsPanel a={a} />
    </Stack>
  );
}

function SettingsPanel({ a }: { a: TAssessment }) {
  const qc = useQueryClient();
  const [tiers, setTiers] = useState<TTier[]>(a.tiers.map((t) => ({ label: t.label, role: t.role })));
  const [tie, setTie] = useState<string | null>(a.tieRules[0]?.criterionCode ?? null);
  const [top, setTop] = useState<number | string>(a.nominationRules.find((n) => n.titleCode === 'GIAY_KHEN')?.top ?? 2);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setError(null); setSaved(false);
    try {
      const data = await api.patch<TAssessment>(`/assessments/${a.id}`, { tiers, tieRules: tie ? [{ criterionCode: tie }] : [], nominationRules: [{ titleCode: 'GIAY_KHEN', top: Number(top) || 1 }, { titleCode: 'CO_THI_DUA', top: 1 }] });
      qc.setQueryData(['assessments', 'detail', a.id], data);
      setSaved(true);
    } catch (e) { setError(e); }
  };
  const roles = [{ value: 'officer', label: 'Cán bộ TĐKT' }, { value: 'head', label: 'Thủ trưởng' }, { value: 'council', label: 'Thành viên Hội đồng TĐKT' }];
  return (
    <Stack gap="xs">
      <Title order={5}>Cấp phê duyệt, xếp hạng, đề nghị khen thưởng</Title>
      {error ? <ErrorAlert error={error} /> : null}
      {tiers.map((t, i) => (
        <Group key={i} align="flex-end">
          <Text w={60}>Cấp {i + 1}</Text>
          <TextInput label="Tên bước" value={t.label} disabled={!a.can.edit} onChange={(e) => setTiers(tiers.map((x, k) => (k === i ? { ...x, label: e.currentTarget.value } : x)))} />
          <Select label="Người thực hiện" data={roles} value={t.role} disabled={!a.can.edit} allowDeselect={false} onChange={(v) => setTiers(tiers.map((x, k) => (k === i ? { ...x, role: (v ?? 'head') as TTier['role'] } : x)))} />
          {a.can.edit && tiers.length > 1 ? <Button variant="subtle" color="red" onClick={() => setTiers(tiers.filter((_, k) => k !== i))}>Bỏ cấp {i + 1}</Button> : null}
        </Group>
      ))}
      {a.can.edit ? <Group><Button variant="default" onClick={() => setTiers([...tiers, { label: 'Giám đốc', role: 'head' }])}>Thêm cấp phê duyệt</Button></Group> : null}
      <Group align="flex-end">
        <Select label="Khi bằng tổng điểm, xếp trên đơn vị có điểm cao hơn ở" w={380} clearable disabled={!a.can.edit} data={a.criteria.map((c) => ({ value: c.code, label: `${c.code}. ${c.name}` }))} value={tie} onChange={setTie} />
        <NumberInput label="Số đơn vị dẫn đầu mỗi cụm/khối đề nghị Giấy khen" w={320} min={1} disabled={!a.can.edit} value={top} onChange={setTop} />
      </Group>
      <Text size="sm" c="dimmed">Đơn vị dẫn đầu mỗi cụm/khối được đề nghị Cờ thi đua. Mức xếp loại: {a.bands.map((b) => `${b.label} (${b.min != null ? `${b.minInclusive ? '≥' : '>'} ${pts(b.min)}` : ''}${b.min != null && b.max != null ? ', ' : ''}${b.max != null ? `${b.maxInclusive ? '≤' : '<'} ${pts(b.max)}` : ''})`).join('; ')}.</Text>
      {a.can.edit ? <Group><Button onClick={save}>Lưu cài đặt</Button>{saved ? <Text c="green" size="sm">Đã lưu</Text> : null}</Group> : null}
    </Stack>
  );
}

type TCluster = { id: string; name: string; schoolYearLabel: string; members: unknown[] };

export function UnitsTab({ a }: { a: TAssessment }) {
  const qc = useQueryClient();
  const refresh = (data: TAssessment) => qc.setQueryData(['assessments', 'detail', a.id], data);
  const [error, setError] = useState<unknown>(null);
  const clusters = useQuery({ queryKey: ['clusters', 'all'], queryFn: () => api.get<{ items: TCluster[] } | TCluster[]>('/clusters'), enabled: a.can.edit });
  const clusterList = Array.isArray(clusters.data) ? clusters.data : clusters.data?.items ?? [];
  const [picked, setPicked] = useState<string[]>([...new Set(a.units.map((u) => u.clusterId).filter((x): x is string => !!x))]);
  const [hand, setHand] = useState<TUnitOption[]>(a.units.filter((u) => !u.clusterId).map((u) => ({ id: u.unitId, name: u.unitName })));
  const candidates = useQuery({ queryKey: ['assessments', a.id, 'candidates'], queryFn: () => api.get<{ items: { id: string; full_name: string; username: string }[] }>(`/assessments/${a.id}/reviewer-candidates`), enabled: a.can.edit });
  const groups = a.criteria.filter((c) => c.level === 1);
  const [assign, setAssign] = useState<Record<string, string[]>>(Object.fromEntries(groups.map((g) => [g.id, a.reviewers.filter((r) => r.groupId === g.id).map((r) => r.userId)])));
  const run = async (fn: () => Promise<unknown>) => { setError(null); try { await fn(); } catch (e) { setError(e); } };
  return (
    <Stack>
      {error ? <ErrorAlert error={error} /> : null}
      {a.can.editCriteria ? (
        <Group align="flex-end">
          <MultiSelect label="Cụm/khối thi đua được đánh giá" w={480} data={clusterList.map((c) => ({ value: c.id, label: `${c.name} (${c.schoolYearLabel})` }))} value={picked} onChange={setPicked} searchable />
          <UnitPicker label="Thêm đơn vị chọn riêng" w={360} value={null} exclude={hand.map((h) => h.id)} onChange={(u) => { if (u) setHand([...hand, u]); }} />
          <Button onClick={() => run(async () => refresh(await api.put<TAssessment>(`/assessments/${a.id}/units`, { clusterIds: picked, unitIds: hand.map((h) => h.id) })))}>Lưu danh sách đơn vị</Button>
        </Group>
      ) : null}
      {a.can.editCriteria && hand.length ? (
        <Group gap="xs">
          <Text size="sm">Chọn riêng:</Text>
          {hand.map((h) => <Badge key={h.id} variant="outline" rightSection={<ActionIcon size="xs" variant="transparent" aria-label={`Bỏ ${h.name}`} onClick={() => setHand(hand.filter((x) => x.id !== h.id))}>×</ActionIcon>}>{h.name}</Badge>)}
        </Group>
      ) : null}
      <Table striped aria-label="Đơn vị được đánh giá">
        <Table.Thead><Table.Tr><Table.Th>Đơn vị</Table.Th><Table.Th>Cụm/khối</Table.Th><Table.Th>Tự đánh giá</Table.Th><Table.Th>Điểm tự chấm</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {a.units.map((u) => (
            <Table.Tr key={u.unitId}>
              <Table.Td>{u.unitName}</Table.Td><Table.Td>{u.clusterName ?? 'Chọn riêng'}</Table.Td>
              <Table.Td><Badge color={u.selfState === 'submitted' ? 'green' : 'gray'} variant="light">{u.selfStateLabel}</Badge></Table.Td>
              <Table.Td>{pts(u.selfTotal)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={5}>Người thẩm định theo nhóm tiêu chí</Title>
      {groups.map((g) => (
        <Group key={g.id} align="flex-end">
          <MultiSelect searchable label={`${g.code}. ${g.name}`} w={560} disabled={!a.can.edit} data={(candidates.data?.items ?? a.reviewers.map((r) => ({ id: r.userId, full_name: r.fullName, username: r.username }))).filter((x, i, arr) => arr.findIndex((y) => y.id === x.id) === i).map((u) => ({ value: u.id, label: `${u.full_name} (${u.username})` }))}
            value={assign[g.id] ?? []} onChange={(v) => setAssign({ ...assign, [g.id]: v })} />
        </Group>
      ))}
      {a.can.edit ? <Group><Button variant="default" onClick={() => run(async () => refresh(await api.put<TAssessment>(`/assessments/${a.id}/reviewers`, { items: groups.map((g) => ({ groupId: g.id, userIds: assign[g.id] ?? [] })) })))}>Lưu phân công thẩm định</Button></Group> : null}
      <Group>
        {a.can.open ? <Button onClick={() => run(async () => refresh(await api.post<TAssessment>(`/assessments/${a.id}/open`)))}>Mở cho các đơn vị tự đánh giá</Button> : null}
        {a.can.startAppraisal ? <Button onClick={() => run(async () => refresh(await api.post<TAssessment>(`/assessments/${a.id}/start-appraisal`)))}>Chuyển sang thẩm định</Button> : null}
      </Group>
    </Stack>
  );
}
