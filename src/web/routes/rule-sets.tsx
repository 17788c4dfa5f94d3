// Bộ quy tắc (/quy-dinh): the rule sets in force, each viewable as structured titles with citations or
// as JSON; an administrator edits dates, citation, the "đã xác minh" flags and title parameters and
// saves a new version with a reason (the old version stays; decisions keep the version they used).
import { Anchor, Badge, Button, Card, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, toQuery } from '../api/client';
import { useCan } from '../auth';
import { UnverifiedBadge } from '../components/eligibility-parts';
import { FormCheckError, FormModal } from '../components/form-modal';
import { DateField, ErrorAlert, Loading, PageTitle, formatDateTimeVi, parseDateField } from '../components/ui';
import { formatDateVi } from '../../shared/vn';

type TSummary = {
  code: string; version: number; name: string; effectiveFrom: string; effectiveTo: string | null; citation: string; unverified: boolean;
  source: string; reason: string | null; createdBy: string | null; createdAt: string; supersededAt: string | null;
};
type TJson = Record<string, any>;
type TDetail = TSummary & { ruleSet: TJson; history: TSummary[] };

const RATINGS = [
  { value: 'HTXSNV', label: 'Hoàn thành xuất sắc nhiệm vụ' },
  { value: 'HTTNV', label: 'Hoàn thành tốt nhiệm vụ' },
  { value: 'HTNV', label: 'Hoàn thành nhiệm vụ' },
];
const NUMBER_PARAMS: Record<string, string> = {
  count: 'Số lần', windowYears: 'Trong số năm', months: 'Số tháng', share: 'Tỷ lệ (0–1)', years: 'Số năm', reducedYears: 'Số năm (giảm)',
  reducedIfDisadvantagedYears: 'Số năm ở vùng khó khăn', yearsBefore: 'Cách số năm',
};

function range(from: string, to: string | null): string {
  return `${formatDateVi(from)} – ${to ? formatDateVi(to) : 'nay'}`;
}

function setAt(obj: TJson, path: (string | number)[], value: unknown): TJson {
  const copy: TJson = Array.isArray(obj) ? [...obj] : { ...obj };
  const [head, ...rest] = path;
  (copy as any)[head] = rest.length ? setAt((obj as any)[head], rest, value) : value;
  return copy;
}

function RuleSetList() {
  const list = useQuery({ queryKey: ['rule-sets'], queryFn: () => api.get<{ items: (TSummary & { versionCount: number; unverifiedValues: number })[] }>('/rule-sets') });
  return (
    <Stack gap="sm">
      <PageTitle>Bộ quy tắc thi đua, khen thưởng</PageTitle>
      <Text size="sm" c="dimmed">Bộ quy tắc được chọn theo ngày xét (ngày nhận hồ sơ, ngày quyết định) và các điều khoản chuyển tiếp. Giá trị "chưa xác minh" chưa được đối chiếu với văn bản gốc; mọi kết luận dựa trên chúng đều ghi rõ.</Text>
      <ErrorAlert error={list.error} />
      {list.isLoading ? <Loading /> : null}
      {list.data ? (
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr><Table.Th>Bộ quy tắc</Table.Th><Table.Th>Hiệu lực</Table.Th><Table.Th>Phiên bản</Table.Th><Table.Th>Trạng thái</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((r) => (
                <Table.Tr key={r.code}>
                  <Table.Td>
                    <Anchor component={Link} to={`/quy-dinh/${r.code}`} fw={500}>{r.name}</Anchor>
                    <Text size="xs" c="dimmed">{r.citation}</Text>
                  </Table.Td>
                  <Table.Td>{range(r.effectiveFrom, r.effectiveTo)}</Table.Td>
                  <Table.Td>{r.version}{r.versionCount > 1 ? ` (${r.versionCount} phiên bản)` : ''}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {r.unverified ? <UnverifiedBadge /> : <Badge color="green" variant="light" size="xs">đã xác minh</Badge>}
                      {r.unverifiedValues ? <Text size="xs" c="dimmed">{r.unverifiedValues} giá trị chưa xác minh</Text> : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

function CriterionEditor({ c, path, edit, onChange }: { c: TJson; path: (string | number)[]; edit: boolean; onChange: (path: (string | number)[], v: unknown) => void }) {
  const nested = c.type === 'any_of' || c.type === 'all_of';
  return (
    <Stack gap={2} pl={nested ? 0 : 0}>
      <Group gap="xs" wrap="wrap" align="center">
        <Text size="sm">{nested ? (c.type === 'any_of' ? 'Một trong các điều kiện:' : 'Tất cả các điều kiện:') : `• ${c.label}`}</Text>
        {!c.verified ? <UnverifiedBadge notes={c.note ? [c.note] : undefined} /> : null}
        {edit ? <Checkbox size="xs" label="đã xác minh" checked={!!c.verified} onChange={(e) => onChange([...path, 'verified'], e.currentTarget.checked)} /> : null}
      </Group>
      {edit && !nested ? (
        <Group gap="xs" wrap="wrap" pl="md">
          {'rating' in c ? <Select size="xs" label="Mức đánh giá" data={RATINGS} value={c.rating} onChange={(v) => v && onChange([...path, 'rating'], v)} allowDeselect={false} w={240} /> : null}
          {Object.keys(NUMBER_PARAMS).filter((k) => typeof c[k] === 'number').map((k) => (
            <NumberInput key={k} size="xs" label={NUMBER_PARAMS[k]} value={c[k]} decimalSeparator="," step={k === 'share' ? 0.05 : 1} min={0} onChange={(v) => typeof v === 'number' && onChange([...path, k], v)} w={130} />
          ))}
          <TextInput size="xs" label="Căn cứ" value={c.citation} onChange={(e) => onChange([...path, 'citation'], e.currentTarget.value)} w={360} />
        </Group>
      ) : !nested ? <Text size="xs" c="dimmed" pl="md">{c.citation}</Text> : null}
      {nested ? (
        <Stack gap={2} pl="md">
          {(c.criteria as TJson[]).map((sub, i) => <CriterionEditor key={`${sub.code}-${i}`} c={sub} path={[...path, 'criteria', i]} edit={edit} onChange={onChange} />)}
        </Stack>
      ) : null}
    </Stack>
  );
}

function TitleCard({ t, edit, onChange }: { t: TJson; edit: boolean; onChange: (path: (string | number)[], v: unknown) => void }) {
  const base = ['titles', t.code];
  return (
    <Card withBorder padding="sm" data-testid={`title-${t.code}`}>
      <Group gap="xs" wrap="wrap" mb={4}>
        <Text fw={600}>{t.name}</Text>
        <Badge variant="light" size="xs">{t.category === 'danh_hieu' ? 'danh hiệu' : 'hình thức'}</Badge>
        {!t.verified ? <UnverifiedBadge notes={t.note ? [t.note] : undefined} /> : null}
        {edit ? <Checkbox size="xs" label="đã xác minh" checked={!!t.verified} onChange={(e) => onChange([...base, 'verified'], e.currentTarget.checked)} /> : null}
      </Group>
      {edit ? (
        <TextInput size="xs" label="Căn cứ" value={t.citation} onChange={(e) => onChange([...base, 'citation'], e.currentTarget.value)} mb={4} />
      ) : <Text size="xs" c="dimmed" mb={4}>{t.citation}</Text>}
      <Group gap="md" wrap="wrap" mb={4}>
        {(['individual', 'collective'] as const).map((k) => t.coefficient?.[k] ? (
          edit ? (
            <NumberInput key={k} size="xs" label={`Hệ số × lương cơ sở (${k === 'individual' ? 'cá nhân' : 'tập thể'})`} value={t.coefficient[k].value} decimalSeparator="," step={0.1} min={0} onChange={(v) => typeof v === 'number' && onChange([...base, 'coefficient', k, 'value'], v)} w={220} />
          ) : <Text key={k} size="sm">Hệ số ({k === 'individual' ? 'cá nhân' : 'tập thể'}): {String(t.coefficient[k].value).replace('.', ',')}</Text>
        ) : null)}
      </Group>
      {(['individual', 'collective'] as const).map((k) => t.criteria?.[k] ? (
        <Stack key={k} gap={2} mt={4}>
          <Text size="xs" fw={600} c="dimmed">Điều kiện {k === 'individual' ? 'cá nhân' : 'tập thể'}</Text>
          {(t.criteria[k] as TJson[]).map((c, i) => <CriterionEditor key={`${c.code}-${i}`} c={c} path={[...base, 'criteria', k, i]} edit={edit} onChange={onChange} />)}
        </Stack>
      ) : null)}
    </Card>
  );
}

function RuleSetDetail({ code }: { code: string }) {
  const canEdit = useCan('rules.manage');
  const qc = useQueryClient();
  const [viewVersion, setViewVersion] = useState<number | null>(null);
  const detail = useQuery({ queryKey: ['rule-sets', code], queryFn: () => api.get<TDetail>(`/rule-sets/${code}`) });
  const old = useQuery({ queryKey: ['rule-sets', code, viewVersion], queryFn: () => api.get<TDetail>(`/rule-sets/${code}${toQuery({ version: viewVersion })}`), enabled: viewVersion !== null });
  const [draft, setDraft] = useState<TJson | null>(null);
  const [jsonText, setJsonText] = useState('');
  const [tab, setTab] = useState<string | null>('titles');
  const [dates, setDates] = useState({ from: '', to: '' });
  const [saving, setSaving] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!detail.data) return;
    setDraft(detail.data.ruleSet);
    setJsonText(JSON.stringify(detail.data.ruleSet, null, 2));
    setDates({ from: formatDateVi(detail.data.ruleSet.effectiveFrom), to: detail.data.ruleSet.effectiveTo ? formatDateVi(detail.data.ruleSet.effectiveTo) : '' });
  }, [detail.data]);

  if (detail.isLoading || !draft) return detail.error ? <ErrorAlert error={detail.error} /> : <Loading />;
  const d = detail.data!;
  const change = (path: (string | number)[], v: unknown) => {
    const next = setAt(draft, path, v);
    setDraft(next);
    setJsonText(JSON.stringify(next, null, 2));
  };
  const dirty = JSON.stringify(draft) !== JSON.stringify(d.ruleSet) || jsonText !== JSON.stringify(draft, null, 2);

  const submit = async () => {
    let body: TJson;
    if (tab === 'json') {
      try {
        body = JSON.parse(jsonText);
      } catch (e) {
        throw new FormCheckError(`JSON không hợp lệ: ${(e as Error).message}`);
      }
    } else body = draft;
    const from = parseDateField(dates.from);
    const to = parseDateField(dates.to);
    if (from === undefined || from === null) throw new FormCheckError('Ngày có hiệu lực: nhập theo dạng dd/mm/yyyy');
    if (to === undefined) throw new FormCheckError('Ngày hết hiệu lực: nhập theo dạng dd/mm/yyyy hoặc để trống');
    if (tab !== 'json') body = { ...body, effectiveFrom: from, effectiveTo: to };
    const saved = await api.post<TSummary>(`/rule-sets/${code}/versions`, { baseVersion: d.version, reason, ruleSet: body });
    notifications.show({ color: 'green', message: `Đã lưu phiên bản ${saved.version}` });
    setSaving(false);
    setReason('');
    await qc.invalidateQueries({ queryKey: ['rule-sets'] });
    await qc.invalidateQueries({ queryKey: ['eligibility'] });
  };

  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/quy-dinh" size="sm">← Bộ quy tắc</Anchor>
      <PageTitle actions={canEdit ? <Button onClick={() => { setError(null); setSaving(true); }} disabled={!dirty && dates.from === formatDateVi(d.effectiveFrom) && dates.to === (d.effectiveTo ? formatDateVi(d.effectiveTo) : '')}>Lưu phiên bản mới</Button> : null}>
        {d.name}
      </PageTitle>
      <Group gap="xs">
        <Text size="sm">Mã {d.code} · phiên bản {d.version} · {d.source === 'shipped' ? 'kèm theo phần mềm' : `sửa ngày ${formatDateTimeVi(d.createdAt)}`}</Text>
        {d.unverified ? <UnverifiedBadge notes={draft.unverifiedNotes} /> : <Badge color="green" variant="light" size="xs">đã xác minh</Badge>}
      </Group>
      <Card withBorder padding="sm">
        {canEdit ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <TextInput label="Tên" value={draft.name} onChange={(e) => change(['name'], e.currentTarget.value)} />
            <TextInput label="Căn cứ" value={draft.citation} onChange={(e) => change(['citation'], e.currentTarget.value)} />
            <DateField label="Có hiệu lực từ" value={dates.from} onChange={(v) => setDates({ ...dates, from: v })} />
            <DateField label="Hết hiệu lực (để trống: chưa hết)" value={dates.to} onChange={(v) => setDates({ ...dates, to: v })} />
            <Checkbox label="Đã xác minh với văn bản gốc (bỏ chọn: mọi kết luận theo bộ này ghi &quot;chưa xác minh&quot;)" checked={!!draft.verified} onChange={(e) => change(['verified'], e.currentTarget.checked)} />
            <Textarea label="Ghi chú chưa xác minh (mỗi dòng một ý)" autosize minRows={2} value={(draft.unverifiedNotes as string[]).join('\n')} onChange={(e) => change(['unverifiedNotes'], e.currentTarget.value.split('\n').filter((x) => x.trim()))} />
          </SimpleGrid>
        ) : (
          <Stack gap={2}>
            <Text size="sm">Hiệu lực: {range(d.effectiveFrom, d.effectiveTo)}</Text>
            <Text size="sm">Căn cứ: {d.citation}</Text>
            {(draft.unverifiedNotes as string[]).map((n) => <Text key={n} size="xs" c="orange.8">! {n}</Text>)}
          </Stack>
        )}
        {(draft.transitions as TJson[]).length ? (
          <Stack gap={2} mt="xs">
            <Text size="xs" fw={600} c="dimmed">Điều khoản chuyển tiếp</Text>
            {(draft.transitions as TJson[]).map((t) => <Text key={t.id} size="sm">• {t.description} <Text span size="xs" c="dimmed">({t.citation})</Text></Text>)}
          </Stack>
        ) : null}
      </Card>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="titles">Danh hiệu, hình thức</Tabs.Tab>
          <Tabs.Tab value="json">JSON</Tabs.Tab>
          <Tabs.Tab value="history">Lịch sử phiên bản ({d.history.length})</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="titles" pt="sm">
          <Stack gap="sm">
            {Object.values(draft.titles as Record<string, TJson>).map((t) => <TitleCard key={t.code} t={t} edit={canEdit} onChange={change} />)}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="json" pt="sm">
          <Textarea aria-label="Bộ quy tắc dạng JSON" value={jsonText} onChange={(e) => setJsonText(e.currentTarget.value)} readOnly={!canEdit} autosize minRows={12} maxRows={40} styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }} />
          {canEdit ? <Text size="xs" c="dimmed" mt={4}>Khi lưu từ thẻ này, nội dung JSON được dùng nguyên văn (kể cả ngày hiệu lực); máy chủ kiểm tra và từ chối nếu sai.</Text> : null}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="sm">
          <Table striped>
            <Table.Thead><Table.Tr><Table.Th>Phiên bản</Table.Th><Table.Th>Thời điểm</Table.Th><Table.Th>Lý do</Table.Th><Table.Th>Hiệu lực</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {d.history.map((h) => (
                <Table.Tr key={h.version}>
                  <Table.Td>{h.version}{h.supersededAt ? '' : ' (hiện hành)'}</Table.Td>
                  <Table.Td>{formatDateTimeVi(h.createdAt)}</Table.Td>
                  <Table.Td>{h.reason ?? (h.source === 'shipped' ? 'Kèm theo phần mềm' : '')}</Table.Td>
                  <Table.Td>{range(h.effectiveFrom, h.effectiveTo)}{h.unverified ? ' · chưa xác minh' : ''}</Table.Td>
                  <Table.Td><Anchor component="button" type="button" size="sm" onClick={() => setViewVersion(h.version)}>Xem</Anchor></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
      </Tabs>
      <FormModal title="Lưu phiên bản mới" opened={saving} onClose={() => setSaving(false)} onSubmit={submit} error={error} setError={setError} submitLabel="Lưu">
        <Text size="sm">Phiên bản {d.version + 1} sẽ áp dụng cho các lần xét sau; quyết định, kết luận đã lưu vẫn giữ phiên bản cũ. Thay đổi được ghi nhật ký.</Text>
        <Textarea label="Lý do thay đổi" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
      </FormModal>
      <Modal opened={viewVersion !== null} onClose={() => setViewVersion(null)} title={`Phiên bản ${viewVersion ?? ''}`} size="xl">
        {old.data ? <Textarea readOnly value={JSON.stringify(old.data.ruleSet, null, 2)} autosize minRows={12} maxRows={30} styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }} /> : <Loading />}
      </Modal>
    </Stack>
  );
}

export default function RuleSetsPage() {
  const { code } = useParams();
  return code ? <RuleSetDetail code={code} /> : <RuleSetList />;
}

