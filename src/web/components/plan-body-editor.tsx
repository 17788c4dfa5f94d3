// Tab "Nội dung" of a plan: every section of the structured body (căn cứ, mục đích, yêu cầu, đối
// tượng, nội dung thi đua with indicators, tiêu chuẩn, hình thức khen thưởng with quotas, hồ sơ, tổ
// chức thực hiện, kinh phí, nơi nhận), read-only or edited section by section while a draft.
import { Button, Card, Checkbox, Group, List, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { fieldError } from '../api/client';
import { FormCheckError, requireDate } from './form-modal';
import { LinesEditor, RemoveButton } from './plan-parts';
import { PlanSection, cleanLines, nullIfEmpty, useSavePlan } from './plan-section';
import type { TAward, TContentItem, TCriteria, TLegalBasis, TPlan, TPlanBody, TSubjects } from './plan-types';
import { DateField, Empty } from './ui';
import { AWARD_RECIPIENT_LABELS, LEGAL_BASIS_KIND_LABELS, PLAN_KIND_LABELS, UNIT_KINDS, UNIT_KIND_LABELS } from '../../shared/labels';
import { formatDateVi, schoolYearLabel } from '../../shared/vn';

const RECIPIENT_OPTIONS = Object.entries(AWARD_RECIPIENT_LABELS).map(([value, label]) => ({ value, label }));
const unitKindLabel = (k: string) => (UNIT_KIND_LABELS as Record<string, string>)[k] ?? k;

function Lines({ lines, empty = 'Chưa có nội dung.' }: { lines: string[]; empty?: string }) {
  if (!lines.length) return <Empty>{empty}</Empty>;
  return <List type="ordered" spacing={4} size="sm">{lines.map((l, i) => <List.Item key={i}>{l}</List.Item>)}</List>;
}

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{value || '—'}</Text>
    </div>
  );
}

function linesSection(plan: TPlan, save: (p: Record<string, unknown>) => Promise<void>, key: 'purposes' | 'requirements' | 'funding' | 'recipients', title: string, itemLabel: string) {
  return (
    <PlanSection title={title} value={plan.body[key]} canEdit={plan.canEdit} view={(v) => <Lines lines={v} />} toDraft={(v) => [...v]}
      edit={(d, set, err) => <LinesEditor label={itemLabel} value={d} onChange={set} errorAt={(i) => fieldError(err, `body.${key}.${i}`)} />}
      save={(d) => save({ body: { ...plan.body, [key]: cleanLines(d) } })} />
  );
}

type TGeneralDraft = { title: string; movementName: string; kind: string; schoolYear: string; from: string; to: string };

function GeneralSection({ plan, save }: { plan: TPlan; save: (p: Record<string, unknown>) => Promise<void> }) {
  return (
    <PlanSection<TPlan, TGeneralDraft> title="Thông tin chung" value={plan} canEdit={plan.canEdit}
      view={(p) => (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <Field label="Trích yếu" value={p.title} />
          <Field label="Tên phong trào" value={p.movementName} />
          <Field label="Loại kế hoạch" value={p.kindLabel} />
          <Field label="Năm học" value={p.schoolYearLabel} />
          <Field label="Thời gian thực hiện" value={`${formatDateVi(p.periodFrom)} – ${formatDateVi(p.periodTo)}`} />
          <Field label="Đơn vị ban hành" value={p.unitName} />
        </SimpleGrid>
      )}
      toDraft={(p) => ({ title: p.title, movementName: p.movementName ?? '', kind: p.kind, schoolYear: p.schoolYear ? String(p.schoolYear) : '', from: formatDateVi(p.periodFrom), to: formatDateVi(p.periodTo) })}
      edit={(d, set, err) => (
        <>
          <Textarea label="Trích yếu" autosize value={d.title} error={fieldError(err, 'title')} onChange={(e) => set({ ...d, title: e.currentTarget.value })} />
          <TextInput label="Tên phong trào" value={d.movementName} error={fieldError(err, 'movementName')} onChange={(e) => set({ ...d, movementName: e.currentTarget.value })} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Loại kế hoạch" allowDeselect={false} value={d.kind} data={Object.entries(PLAN_KIND_LABELS).map(([value, label]) => ({ value, label }))} onChange={(v) => set({ ...d, kind: v ?? d.kind })} />
            <Select label="Năm học" clearable value={d.schoolYear || null} data={[-1, 0, 1].map((o) => (plan.schoolYear ?? new Date().getFullYear()) + o).map((y) => ({ value: String(y), label: schoolYearLabel(y) }))} onChange={(v) => set({ ...d, schoolYear: v ?? '' })} />
            <DateField label="Ngày bắt đầu" value={d.from} error={fieldError(err, 'periodFrom')} onChange={(t) => set({ ...d, from: t })} />
            <DateField label="Ngày kết thúc" value={d.to} error={fieldError(err, 'periodTo')} onChange={(t) => set({ ...d, to: t })} />
          </SimpleGrid>
        </>
      )}
      save={(d) => save({
        title: d.title.trim(), movementName: d.movementName.trim(), kind: d.kind, schoolYear: d.schoolYear ? Number(d.schoolYear) : null,
        periodFrom: requireDate(d.from, 'Ngày bắt đầu'), periodTo: requireDate(d.to, 'Ngày kết thúc'),
      })} />
  );
}

function LegalBasesSection({ plan, save }: { plan: TPlan; save: (p: Record<string, unknown>) => Promise<void> }) {
  return (
    <PlanSection<TLegalBasis[], TLegalBasis[]> title="Căn cứ" value={plan.body.legalBases} canEdit={plan.canEdit}
      view={(v) => <Lines lines={v.map((b) => b.text)} />}
      toDraft={(v) => v.map((b) => ({ ...b }))}
      edit={(d, set, err) => (
        <Stack gap="xs">
          {d.map((b, i) => (
            <Group key={i} align="flex-start" gap={6} wrap="nowrap">
              <Select aria-label={`Loại căn cứ ${i + 1}`} w={170} allowDeselect={false} value={b.kind} data={Object.entries(LEGAL_BASIS_KIND_LABELS).map(([value, label]) => ({ value, label }))}
                onChange={(v) => set(d.map((x, j) => (j === i ? { ...x, kind: (v ?? 'law') as TLegalBasis['kind'] } : x)))} />
              <Textarea aria-label={`Căn cứ ${i + 1}`} autosize style={{ flex: 1 }} value={b.text} error={fieldError(err, `body.legalBases.${i}`)}
                onChange={(e) => { const text = e.currentTarget.value; set(d.map((x, j) => (j === i ? { ...x, text } : x))); }} />
              <RemoveButton label={`Xóa căn cứ ${i + 1}`} onClick={() => set(d.filter((_, j) => j !== i))} />
            </Group>
          ))}
          <Button variant="subtle" size="xs" w="fit-content" onClick={() => set([...d, { kind: 'law', text: 'Căn cứ ' }])}>+ Thêm căn cứ</Button>
        </Stack>
      )}
      save={(d) => save({ body: { ...plan.body, legalBases: d.filter((b) => b.text.trim()).map((b) => ({ ...b, text: b.text.trim() })) } })} />
  );
}

function SubjectsSection({ plan, save }: { plan: TPlan; save: (p: Record<string, unknown>) => Promise<void> }) {
  return (
    <PlanSection<TSubjects, TSubjects> title="Đối tượng" value={plan.body.subjects} canEdit={plan.canEdit}
      view={(s) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <div>
            <Text size="sm" fw={500}>Tập thể</Text>
            <Text size="sm">{s.collectives.text || [...s.collectives.unitKinds.map(unitKindLabel), ...s.collectives.groups].join('; ') || '—'}</Text>
          </div>
          <div>
            <Text size="sm" fw={500}>Cá nhân</Text>
            <Text size="sm">{s.individuals.text || [...s.individuals.staffCategories, ...(s.individuals.learners ? ['người học'] : [])].join('; ') || '—'}</Text>
          </div>
        </SimpleGrid>
      )}
      toDraft={(s) => structuredClone(s)}
      edit={(d, set) => (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Stack gap="xs">
            <MultiSelect label="Tập thể: loại đơn vị" searchable data={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))} value={d.collectives.unitKinds}
              onChange={(v) => set({ ...d, collectives: { ...d.collectives, unitKinds: v } })} />
            <LinesEditor label="Tập thể trong đơn vị" addLabel="Thêm tập thể" value={d.collectives.groups} onChange={(v) => set({ ...d, collectives: { ...d.collectives, groups: v } })} />
          </Stack>
          <Stack gap="xs">
            <LinesEditor label="Cá nhân" addLabel="Thêm đối tượng" value={d.individuals.staffCategories} onChange={(v) => set({ ...d, individuals: { ...d.individuals, staffCategories: v } })} />
            <Checkbox label="Người học cùng tham gia" checked={d.individuals.learners} onChange={(e) => set({ ...d, individuals: { ...d.individuals, learners: e.currentTarget.checked } })} />
          </Stack>
        </SimpleGrid>
      )}
      save={(d) => save({ body: { ...plan.body, subjects: {
        collectives: { ...d.collectives, groups: cleanLines(d.collectives.groups) },
        individuals: { ...d.individuals, staffCategories: cleanLines(d.individuals.staffCategories) },
      } } })} />
  );
}

function ContentsSection({ plan, save }: { plan: TPlan; save: (p: Record<string, unknown>) => Promise<void> }) {
  return (
    <PlanSection<TContentItem[], TContentItem[]> title="Nội dung thi đua" value={plan.body.contents} canEdit={plan.canEdit}
      view={(items) => items.length === 0 ? <Empty>Chưa có nội dung thi đua.</Empty> : (
        <Stack gap="sm">
          {items.map((c, i) => (
            <div key={i}>
              <Text size="sm" fw={500}>{i + 1}. {c.title}</Text>
              {c.details.length ? <List size="sm" ml="md" spacing={2}>{c.details.map((d, j) => <List.Item key={j}>{d}</List.Item>)}</List> : null}
              {c.indicators.length ? (
                <Table.ScrollContainer minWidth={360} mt={4}>
                  <Table withTableBorder aria-label={`Chỉ tiêu của nội dung ${i + 1}`} fz="sm">
                    <Table.Thead><Table.Tr><Table.Th>Chỉ tiêu</Table.Th><Table.Th>Mức phấn đấu</Table.Th><Table.Th>Đơn vị tính</Table.Th></Table.Tr></Table.Thead>
                    <Table.Tbody>{c.indicators.map((ind, j) => <Table.Tr key={j}><Table.Td>{ind.name}</Table.Td><Table.Td>{ind.target ?? ''}</Table.Td><Table.Td>{ind.unit ?? ''}</Table.Td></Table.Tr>)}</Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              ) : null}
            </div>
          ))}
        </Stack>
      )}
      toDraft={(v) => structuredClone(v)}
      edit={(d, set, err) => {
        const put = (i: number, c: TContentItem) => set(d.map((x, j) => (j === i ? c : x)));
        return (
          <Stack gap="sm">
            {d.map((c, i) => (
              <Card key={i} withBorder padding="xs">
                <Group align="flex-start" gap={6} wrap="nowrap">
                  <Textarea label={`Nội dung ${i + 1}`} autosize style={{ flex: 1 }} value={c.title} error={fieldError(err, `body.contents.${i}.title`)} onChange={(e) => put(i, { ...c, title: e.currentTarget.value })} />
                  <RemoveButton label={`Xóa nội dung ${i + 1}`} onClick={() => set(d.filter((_, j) => j !== i))} />
                </Group>
                <Stack gap={6} mt="xs" pl="md">
                  <LinesEditor label={`Các ý của nội dung ${i + 1}`} itemLabel={(j) => `Ý ${j + 1} của nội dung ${i + 1}`} addLabel="Thêm ý" value={c.details} onChange={(v) => put(i, { ...c, details: v })} />
                  <Text size="sm" fw={500}>Chỉ tiêu</Text>
                  {c.indicators.map((ind, j) => (
                    <Group key={j} gap={6} align="flex-start" wrap="wrap">
                      <TextInput aria-label={`Chỉ tiêu ${j + 1} của nội dung ${i + 1}`} placeholder="Tên chỉ tiêu" style={{ flex: 3, minWidth: 200 }} value={ind.name} error={fieldError(err, `body.contents.${i}.indicators.${j}.name`)}
                        onChange={(e) => { const name = e.currentTarget.value; put(i, { ...c, indicators: c.indicators.map((x, k) => (k === j ? { ...x, name } : x)) }); }} />
                      <TextInput aria-label={`Mức phấn đấu chỉ tiêu ${j + 1} của nội dung ${i + 1}`} placeholder="Mức phấn đấu, ví dụ ≥ 90%" style={{ flex: 1, minWidth: 120 }} value={ind.target ?? ''}
                        onChange={(e) => { const target = e.currentTarget.value; put(i, { ...c, indicators: c.indicators.map((x, k) => (k === j ? { ...x, target } : x)) }); }} />
                      <TextInput aria-label={`Đơn vị tính chỉ tiêu ${j + 1} của nội dung ${i + 1}`} placeholder="Đơn vị tính" w={110} value={ind.unit ?? ''}
                        onChange={(e) => { const unit = e.currentTarget.value; put(i, { ...c, indicators: c.indicators.map((x, k) => (k === j ? { ...x, unit } : x)) }); }} />
                      <RemoveButton label={`Xóa chỉ tiêu ${j + 1} của nội dung ${i + 1}`} onClick={() => put(i, { ...c, indicators: c.indicators.filter((_, k) => k !== j) })} />
                    </Group>
                  ))}
                  <Button variant="subtle" size="xs" w="fit-content" onClick={() => put(i, { ...c, indicators: [...c.indicators, { name: '', target: '', unit: '' }] })}>+ Thêm chỉ tiêu</Button>
                </Stack>
              </Card>
            ))}
            <Button variant="light" size="xs" w="fit-content" onClick={() => set([...d, { title: '', details: [], indicators: [] }])}>+ Thêm nội dung thi đua</Button>
          </Stack>
        );
      }}
      save={(d) => save({ body: { ...plan.body, contents: d.filter((c) => c.title.trim() || c.details.some((x) => x.trim())).map((c) => ({
        title: c.title.trim(), details: cleanLines(c.details),
        indicators: c.indicators.filter((x) => x.name.trim()).map((x) => ({ name: x.name.trim(), target: nullIfEmpty(x.target), unit: nullIfEmpty(x.unit) })),
      })) } })} />
  );
}

function CriteriaSection({ plan, save }: { plan: TPlan; save: (p: Record<string, unknown>) => Promise<void> }) {
  return (
    <PlanSection<TCriteria[], TCriteria[]> title="Tiêu chuẩn" value={plan.body.criteria} canEdit={plan.canEdit}
      view={(v) => v.length === 0 ? <Empty>Chưa có tiêu chuẩn.</Empty> : (
        <Stack gap="sm">
          {v.map((c, i) => (
            <div key={i}>
              <Text size="sm" fw={500}>{c.title} ({AWARD_RECIPIENT_LABELS[c.recipient].toLowerCase()})</Text>
              <List size="sm" ml="md" spacing={2}>{c.items.map((x, j) => <List.Item key={j}>{x}</List.Item>)}</List>
            </div>
          ))}
        </Stack>
      )}
      toDraft={(v) => structuredClone(v)}
      edit={(d, set, err) => (
        <Stack gap="sm">
          {d.map((c, i) => (
            <Card key={i} withBorder padding="xs">
              <Group gap={6} align="flex-start" wrap="nowrap">
                <TextInput label={`Danh hiệu, hình thức ${i + 1}`} style={{ flex: 1 }} value={c.title} error={fieldError(err, `body.criteria.${i}.title`)} onChange={(e) => { const title = e.currentTarget.value; set(d.map((x, j) => (j === i ? { ...x, title } : x))); }} />
                <Select label="Đối tượng" w={130} allowDeselect={false} value={c.recipient} data={RECIPIENT_OPTIONS} onChange={(v) => set(d.map((x, j) => (j === i ? { ...x, recipient: (v ?? 'individual') as TCriteria['recipient'] } : x)))} />
                <RemoveButton label={`Xóa tiêu chuẩn ${i + 1}`} onClick={() => set(d.filter((_, j) => j !== i))} />
              </Group>
              <LinesEditor label={`Tiêu chuẩn của mục ${i + 1}`} itemLabel={(j) => `Tiêu chuẩn ${j + 1} của mục ${i + 1}`} addLabel="Thêm tiêu chuẩn" value={c.items} errorAt={(j) => fieldError(err, `body.criteria.${i}.items.${j}`)}
                onChange={(items) => set(d.map((x, j) => (j === i ? { ...x, items } : x)))} />
            </Card>
          ))}
          <Button variant="light" size="xs" w="fit-content" onClick={() => set([...d, { title: '', recipient: 'individual', items: [''] }])}>+ Thêm danh hiệu, hình thức</Button>
        </Stack>
      )}
      save={(d) => save({ body: { ...plan.body, criteria: d.filter((c) => c.title.trim()).map((c) => ({ ...c, title: c.title.trim(), items: cleanLines(c.items) })) } })} />
  );
}

function AwardsSection({ plan, save }: { plan: TPlan; save: (p: Record<string, unknown>) => Promise<void> }) {
  return (
    <PlanSection<TAward[], TAward[]> title="Hình thức khen thưởng" value={plan.body.awards} canEdit={plan.canEdit}
      view={(v) => v.length === 0 ? <Empty>Chưa có hình thức khen thưởng.</Empty> : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-label="Hình thức khen thưởng" fz="sm">
            <Table.Thead><Table.Tr><Table.Th>Hình thức</Table.Th><Table.Th>Đối tượng</Table.Th><Table.Th>Số lượng</Table.Th><Table.Th>Nguồn kinh phí</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {v.map((a, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{a.name}{a.authority ? <Text size="xs" c="dimmed">Cấp khen: {a.authority}</Text> : null}{a.note ? <Text size="xs" c="dimmed">{a.note}</Text> : null}</Table.Td>
                  <Table.Td>{AWARD_RECIPIENT_LABELS[a.recipient]}</Table.Td>
                  <Table.Td>{a.quota}</Table.Td>
                  <Table.Td>{a.moneySource ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      toDraft={(v) => structuredClone(v)}
      edit={(d, set, err) => {
        const put = (i: number, a: TAward) => set(d.map((x, j) => (j === i ? a : x)));
        return (
          <Stack gap="sm">
            {d.map((a, i) => (
              <Card key={i} withBorder padding="xs">
                <Group justify="space-between" wrap="nowrap"><Text size="sm" fw={500}>Hình thức {i + 1}</Text><RemoveButton label={`Xóa hình thức khen thưởng ${i + 1}`} onClick={() => set(d.filter((_, j) => j !== i))} /></Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                  <TextInput label="Danh hiệu, hình thức" value={a.name} error={fieldError(err, `body.awards.${i}.name`)} onChange={(e) => put(i, { ...a, name: e.currentTarget.value })} />
                  <TextInput label="Cấp khen" value={a.authority ?? ''} onChange={(e) => put(i, { ...a, authority: e.currentTarget.value })} />
                  <Select label="Đối tượng" allowDeselect={false} value={a.recipient} data={RECIPIENT_OPTIONS} onChange={(v) => put(i, { ...a, recipient: (v ?? 'individual') as TAward['recipient'] })} />
                  <TextInput label={`Số lượng khen thưởng ${i + 1}`} description="Số hoặc khoảng: 2, 1–2, 04 đơn vị dẫn đầu" value={a.quota} error={fieldError(err, `body.awards.${i}.quota`)} onChange={(e) => put(i, { ...a, quota: e.currentTarget.value })} />
                  <TextInput label="Nguồn kinh phí" value={a.moneySource ?? ''} onChange={(e) => put(i, { ...a, moneySource: e.currentTarget.value })} />
                  <TextInput label="Ghi chú" value={a.note ?? ''} onChange={(e) => put(i, { ...a, note: e.currentTarget.value })} />
                </SimpleGrid>
              </Card>
            ))}
            <Button variant="light" size="xs" w="fit-content" onClick={() => set([...d, { name: '', authority: '', recipient: 'individual', quota: '', moneySource: '', note: '' }])}>+ Thêm hình thức khen thưởng</Button>
          </Stack>
        );
      }}
      save={(d) => save({ body: { ...plan.body, awards: d.filter((a) => a.name.trim() || a.quota.trim()).map((a) => ({
        name: a.name.trim(), authority: nullIfEmpty(a.authority), recipient: a.recipient, quota: a.quota.trim(), moneySource: nullIfEmpty(a.moneySource), note: nullIfEmpty(a.note),
      })) } })} />
  );
}

type TDossierDraft = { items: string[]; copies: number | string; submitTo: string };

function DossierSection({ plan, save }: { plan: TPlan; save: (p: Record<string, unknown>) => Promise<void> }) {
  return (
    <PlanSection<TPlanBody['dossier'], TDossierDraft> title="Hồ sơ đề nghị khen thưởng" value={plan.body.dossier} canEdit={plan.canEdit}
      view={(v) => (
        <Stack gap={4}>
          <Lines lines={v.items} empty="Chưa ghi thành phần hồ sơ." />
          {v.copies || v.submitTo ? <Text size="sm" c="dimmed">{[v.copies ? `Số bộ: ${v.copies}` : '', v.submitTo ? `Gửi về: ${v.submitTo}` : ''].filter(Boolean).join(' · ')}</Text> : null}
        </Stack>
      )}
      toDraft={(v) => ({ items: [...v.items], copies: v.copies ?? '', submitTo: v.submitTo ?? '' })}
      edit={(d, set) => (
        <>
          <LinesEditor label="Thành phần hồ sơ" addLabel="Thêm thành phần" value={d.items} onChange={(items) => set({ ...d, items })} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label="Số bộ" min={1} max={20} value={d.copies} onChange={(v) => set({ ...d, copies: v })} />
            <TextInput label="Nơi nhận hồ sơ" value={d.submitTo} onChange={(e) => set({ ...d, submitTo: e.currentTarget.value })} />
          </SimpleGrid>
        </>
      )}
      save={(d) => {
        const copies = d.copies === '' ? null : Number(d.copies);
        if (copies !== null && (!Number.isInteger(copies) || copies < 1)) throw new FormCheckError('Số bộ hồ sơ phải là số nguyên từ 1');
        return save({ body: { ...plan.body, dossier: { items: cleanLines(d.items), copies, submitTo: nullIfEmpty(d.submitTo) } } });
      }} />
  );
}

type TPart = { part: string; tasks: string[] };

function ImplementationSection({ plan, save }: { plan: TPlan; save: (p: Record<string, unknown>) => Promise<void> }) {
  return (
    <PlanSection<TPart[], TPart[]> title="Tổ chức thực hiện" value={plan.body.implementation} canEdit={plan.canEdit}
      view={(v) => v.length === 0 ? <Empty>Chưa phân công.</Empty> : (
        <Stack gap="sm">
          {v.map((p, i) => (
            <div key={i}>
              <Text size="sm" fw={500}>{i + 1}. {p.part}</Text>
              <List size="sm" ml="md" spacing={2}>{p.tasks.map((t, j) => <List.Item key={j}>{t}</List.Item>)}</List>
            </div>
          ))}
        </Stack>
      )}
      toDraft={(v) => structuredClone(v)}
      edit={(d, set, err) => (
        <Stack gap="sm">
          {d.map((p, i) => (
            <Card key={i} withBorder padding="xs">
              <Group gap={6} align="flex-start" wrap="nowrap">
                <TextInput label={`Bộ phận ${i + 1}`} style={{ flex: 1 }} value={p.part} error={fieldError(err, `body.implementation.${i}.part`)} onChange={(e) => { const part = e.currentTarget.value; set(d.map((x, j) => (j === i ? { ...x, part } : x))); }} />
                <RemoveButton label={`Xóa bộ phận ${i + 1}`} onClick={() => set(d.filter((_, j) => j !== i))} />
              </Group>
              <LinesEditor label={`Nhiệm vụ của bộ phận ${i + 1}`} itemLabel={(j) => `Nhiệm vụ ${j + 1} của bộ phận ${i + 1}`} addLabel="Thêm nhiệm vụ" value={p.tasks} errorAt={(j) => fieldError(err, `body.implementation.${i}.tasks.${j}`)}
                onChange={(tasks) => set(d.map((x, j) => (j === i ? { ...x, tasks } : x)))} />
            </Card>
          ))}
          <Button variant="light" size="xs" w="fit-content" onClick={() => set([...d, { part: '', tasks: [''] }])}>+ Thêm bộ phận</Button>
        </Stack>
      )}
      save={(d) => save({ body: { ...plan.body, implementation: d.filter((p) => p.part.trim()).map((p) => ({ part: p.part.trim(), tasks: cleanLines(p.tasks) })) } })} />
  );
}

export function PlanBodyEditor({ plan }: { plan: TPlan }) {
  const save = useSavePlan(plan);
  return (
    <Stack gap="sm">
      <GeneralSection plan={plan} save={save} />
      <LegalBasesSection plan={plan} save={save} />
      {linesSection(plan, save, 'purposes', 'Mục đích', 'Mục đích')}
      {linesSection(plan, save, 'requirements', 'Yêu cầu', 'Yêu cầu')}
      <SubjectsSection plan={plan} save={save} />
      <ContentsSection plan={plan} save={save} />
      <CriteriaSection plan={plan} save={save} />
      <AwardsSection plan={plan} save={save} />
      <DossierSection plan={plan} save={save} />
      <ImplementationSection plan={plan} save={save} />
      {linesSection(plan, save, 'funding', 'Kinh phí', 'Kinh phí')}
      {linesSection(plan, save, 'recipients', 'Nơi nhận', 'Nơi nhận')}
    </Stack>
  );
}
