// The unit page's actions, each a modal form calling one endpoint: add a child unit, edit, rename,
// move under another parent (PATCH with effective date and reason), merge and split.
import { ActionIcon, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, fieldError } from '../api/client';
import type { TUnit, TUnitDetail } from '../api/types';
import { FormCheckError, FormModal, orNull, requireDate } from '../components/form-modal';
import { UnitPicker, type TUnitOption } from '../components/unit-picker';
import { DateField, todayVi } from '../components/ui';
import { UNIT_KINDS, UNIT_KIND_LABELS } from '../../shared/labels';

const KIND_OPTIONS = UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }));

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['units'] });
}

function Reason({ value, onChange, required = false, error }: { value: string; onChange: (v: string) => void; required?: boolean; error?: string }) {
  return <Textarea label="Lý do, căn cứ (số quyết định…)" required={required} autosize minRows={2} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} />;
}

export function AddChildUnit({ parent }: { parent: TUnitDetail }) {
  const [opened, { open, close }] = useDisclosure(false);
  const refresh = useRefresh();
  const navigate = useNavigate();
  const [f, setF] = useState({ code: '', name: '', kind: '', shortName: '', abbreviation: '', address: '', phone: '', email: '', validFrom: todayVi(), reason: '' });
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const submit = async () => {
    if (!f.kind) throw new FormCheckError('Chưa chọn loại đơn vị');
    const created = await api.post<TUnit>('/units', {
      code: f.code.trim(), name: f.name.trim(), kind: f.kind, parentId: parent.id, shortName: orNull(f.shortName), abbreviation: orNull(f.abbreviation),
      address: orNull(f.address), phone: orNull(f.phone), email: orNull(f.email), validFrom: requireDate(f.validFrom, 'Ngày thành lập'), reason: orNull(f.reason),
    });
    await refresh();
    notifications.show({ color: 'green', message: `Đã thành lập ${created.name}.` });
    close();
    navigate(`/don-vi/${created.id}`);
  };
  return (
    <>
      <Button onClick={() => { setError(null); open(); }}>Thêm đơn vị trực thuộc</Button>
      <FormModal title={`Thêm đơn vị trực thuộc ${parent.name}`} opened={opened} onClose={close} onSubmit={submit} error={error} setError={setError} submitLabel="Thành lập">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Tên đơn vị" required value={f.name} onChange={(e) => set('name')(e.currentTarget.value)} error={fieldError(error, 'name')} />
          <Select label="Loại đơn vị" required data={KIND_OPTIONS} value={f.kind || null} onChange={(v) => set('kind')(v ?? '')} error={fieldError(error, 'kind')} searchable />
          <TextInput label="Mã đơn vị" description="Chữ không dấu, số, dấu gạch" required value={f.code} onChange={(e) => set('code')(e.currentTarget.value)} error={fieldError(error, 'code')} />
          <DateField label="Ngày thành lập" required value={f.validFrom} onChange={set('validFrom')} error={fieldError(error, 'validFrom')} />
          <TextInput label="Tên ngắn" value={f.shortName} onChange={(e) => set('shortName')(e.currentTarget.value)} error={fieldError(error, 'shortName')} />
          <TextInput label="Viết tắt" value={f.abbreviation} onChange={(e) => set('abbreviation')(e.currentTarget.value)} error={fieldError(error, 'abbreviation')} />
          <TextInput label="Địa chỉ" value={f.address} onChange={(e) => set('address')(e.currentTarget.value)} error={fieldError(error, 'address')} />
          <TextInput label="Điện thoại" value={f.phone} onChange={(e) => set('phone')(e.currentTarget.value)} error={fieldError(error, 'phone')} />
          <TextInput label="Thư điện tử" value={f.email} onChange={(e) => set('email')(e.currentTarget.value)} error={fieldError(error, 'email')} />
        </SimpleGrid>
        <Reason value={f.reason} onChange={set('reason')} error={fieldError(error, 'reason')} />
      </FormModal>
    </>
  );
}

export function EditUnit({ unit }: { unit: TUnitDetail }) {
  const [opened, { open, close }] = useDisclosure(false);
  const refresh = useRefresh();
  const initial = () => ({ shortName: unit.shortName ?? '', abbreviation: unit.abbreviation ?? '', address: unit.address ?? '', phone: unit.phone ?? '', email: unit.email ?? '', effectiveDate: todayVi(), reason: '' });
  const [f, setF] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof ReturnType<typeof initial>) => (v: string) => setF({ ...f, [k]: v });
  const submit = async () => {
    await api.patch(`/units/${unit.id}`, {
      shortName: orNull(f.shortName), abbreviation: orNull(f.abbreviation), address: orNull(f.address), phone: orNull(f.phone), email: orNull(f.email),
      effectiveDate: requireDate(f.effectiveDate, 'Ngày hiệu lực'), reason: orNull(f.reason),
    });
    await refresh();
    notifications.show({ color: 'green', message: 'Đã lưu thông tin đơn vị.' });
    close();
  };
  return (
    <>
      <Button variant="default" onClick={() => { setF(initial()); setError(null); open(); }}>Sửa thông tin</Button>
      <FormModal title="Sửa thông tin đơn vị" opened={opened} onClose={close} onSubmit={submit} error={error} setError={setError}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Tên ngắn" value={f.shortName} onChange={(e) => set('shortName')(e.currentTarget.value)} error={fieldError(error, 'shortName')} />
          <TextInput label="Viết tắt" value={f.abbreviation} onChange={(e) => set('abbreviation')(e.currentTarget.value)} error={fieldError(error, 'abbreviation')} />
          <TextInput label="Địa chỉ" value={f.address} onChange={(e) => set('address')(e.currentTarget.value)} error={fieldError(error, 'address')} />
          <TextInput label="Điện thoại" value={f.phone} onChange={(e) => set('phone')(e.currentTarget.value)} error={fieldError(error, 'phone')} />
          <TextInput label="Thư điện tử" value={f.email} onChange={(e) => set('email')(e.currentTarget.value)} error={fieldError(error, 'email')} />
          <DateField label="Ngày hiệu lực" required value={f.effectiveDate} onChange={set('effectiveDate')} error={fieldError(error, 'effectiveDate')} />
        </SimpleGrid>
        <Reason value={f.reason} onChange={set('reason')} error={fieldError(error, 'reason')} />
      </FormModal>
    </>
  );
}

export function RenameUnit({ unit }: { unit: TUnitDetail }) {
  const [opened, { open, close }] = useDisclosure(false);
  const refresh = useRefresh();
  const [name, setName] = useState(unit.name);
  const [date, setDate] = useState(todayVi());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    await api.patch(`/units/${unit.id}`, { name: name.trim(), effectiveDate: requireDate(date, 'Ngày hiệu lực'), reason: orNull(reason) });
    await refresh();
    notifications.show({ color: 'green', message: 'Đã đổi tên đơn vị.' });
    close();
  };
  return (
    <>
      <Button variant="default" onClick={() => { setName(unit.name); setDate(todayVi()); setReason(''); setError(null); open(); }}>Đổi tên</Button>
      <FormModal title="Đổi tên đơn vị" opened={opened} onClose={close} onSubmit={submit} error={error} setError={setError} size="md">
        <TextInput label="Tên mới" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(error, 'name')} />
        <DateField label="Ngày hiệu lực" required value={date} onChange={setDate} error={fieldError(error, 'effectiveDate')} />
        <Reason value={reason} onChange={setReason} error={fieldError(error, 'reason')} />
      </FormModal>
    </>
  );
}

export function MoveUnit({ unit }: { unit: TUnitDetail }) {
  const [opened, { open, close }] = useDisclosure(false);
  const refresh = useRefresh();
  const [parent, setParent] = useState<TUnitOption | null>(null);
  const [date, setDate] = useState(todayVi());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    if (!parent) throw new FormCheckError('Chưa chọn đơn vị cấp trên mới');
    await api.patch(`/units/${unit.id}`, { parentId: parent.id, effectiveDate: requireDate(date, 'Ngày hiệu lực'), reason: orNull(reason) });
    await refresh();
    notifications.show({ color: 'green', message: `Đã chuyển về trực thuộc ${parent.name}.` });
    close();
  };
  return (
    <>
      <Button variant="default" onClick={() => { setParent(null); setDate(todayVi()); setReason(''); setError(null); open(); }}>Chuyển cấp trên</Button>
      <FormModal title="Chuyển đơn vị cấp trên" opened={opened} onClose={close} onSubmit={submit} error={error} setError={setError} size="md">
        <Text size="sm">Cấp trên hiện nay: {unit.parentName ?? 'không có'}</Text>
        <UnitPicker label="Đơn vị cấp trên mới" required value={parent} onChange={setParent} exclude={[unit.id]} error={fieldError(error, 'parentId')} />
        <DateField label="Ngày hiệu lực" required value={date} onChange={setDate} error={fieldError(error, 'effectiveDate')} />
        <Reason value={reason} onChange={setReason} error={fieldError(error, 'reason')} />
      </FormModal>
    </>
  );
}

export function MergeUnits({ unit }: { unit: TUnitDetail }) {
  const [opened, { open, close }] = useDisclosure(false);
  const refresh = useRefresh();
  const [sources, setSources] = useState<TUnitOption[]>([]);
  const [picking, setPicking] = useState<TUnitOption | null>(null);
  const [date, setDate] = useState(todayVi());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    if (!sources.length) throw new FormCheckError('Chưa chọn đơn vị nào để sáp nhập');
    const r = await api.post<{ movedPeople: number; movedChildren: number }>(`/units/${unit.id}/merge`, { sourceIds: sources.map((s) => s.id), effectiveDate: requireDate(date, 'Ngày hiệu lực'), reason: reason.trim() });
    await refresh();
    notifications.show({ color: 'green', message: `Đã sáp nhập ${sources.length} đơn vị: chuyển ${r.movedPeople} cán bộ và ${r.movedChildren} đơn vị trực thuộc.` });
    close();
  };
  return (
    <>
      <Button variant="default" onClick={() => { setSources([]); setPicking(null); setDate(todayVi()); setReason(''); setError(null); open(); }}>Sáp nhập</Button>
      <FormModal title={`Sáp nhập đơn vị khác vào ${unit.name}`} opened={opened} onClose={close} onSubmit={submit} error={error} setError={setError} submitLabel="Sáp nhập">
        <Group align="flex-end" wrap="nowrap">
          <UnitPicker label="Đơn vị bị sáp nhập" value={picking} onChange={setPicking} exclude={[unit.id, ...sources.map((s) => s.id)]} style={{ flex: 1 }} error={fieldError(error, 'sourceIds')} />
          <Button variant="light" disabled={!picking} onClick={() => { if (picking) { setSources([...sources, picking]); setPicking(null); } }}>Thêm</Button>
        </Group>
        <Stack gap={4}>
          {sources.map((s) => (
            <Group key={s.id} justify="space-between" wrap="nowrap">
              <Text size="sm">{s.name}</Text>
              <ActionIcon variant="subtle" color="red" aria-label={`Bỏ ${s.name}`} onClick={() => setSources(sources.filter((x) => x.id !== s.id))}>✕</ActionIcon>
            </Group>
          ))}
        </Stack>
        <Text size="xs" c="dimmed">Cán bộ và đơn vị trực thuộc của các đơn vị bị sáp nhập được chuyển về {unit.name}.</Text>
        <DateField label="Ngày hiệu lực" required value={date} onChange={setDate} error={fieldError(error, 'effectiveDate')} />
        <Reason value={reason} onChange={setReason} required error={fieldError(error, 'reason')} />
      </FormModal>
    </>
  );
}

type TPart = { code: string; name: string; kind: string };

export function SplitUnit({ unit }: { unit: TUnitDetail }) {
  const [opened, { open, close }] = useDisclosure(false);
  const refresh = useRefresh();
  const blank = (): TPart => ({ code: '', name: '', kind: unit.kind });
  const [parts, setParts] = useState<TPart[]>([blank(), blank()]);
  const [date, setDate] = useState(todayVi());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const setPart = (i: number, patch: Partial<TPart>) => setParts(parts.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const submit = async () => {
    const r = await api.post<{ items: TUnit[] }>(`/units/${unit.id}/split`, { parts: parts.map((p) => ({ code: p.code.trim(), name: p.name.trim(), kind: p.kind })), effectiveDate: requireDate(date, 'Ngày hiệu lực'), reason: reason.trim() });
    await refresh();
    notifications.show({ color: 'green', message: `Đã chia tách thành: ${r.items.map((u) => u.name).join(', ')}.` });
    close();
  };
  return (
    <>
      <Button variant="default" onClick={() => { setParts([blank(), blank()]); setDate(todayVi()); setReason(''); setError(null); open(); }}>Chia tách</Button>
      <FormModal title={`Chia tách ${unit.name}`} opened={opened} onClose={close} onSubmit={submit} error={error} setError={setError} submitLabel="Chia tách" size="xl">
        <Text size="sm">Các đơn vị mới (ít nhất 2). Cán bộ hiện có được chuyển về đơn vị mới thứ nhất.</Text>
        {parts.map((p, i) => (
          <Group key={i} align="flex-end" wrap="wrap" gap="xs">
            <TextInput label={`Tên đơn vị mới ${i + 1}`} required value={p.name} onChange={(e) => setPart(i, { name: e.currentTarget.value })} style={{ flex: 2, minWidth: 200 }} error={fieldError(error, `parts.${i}.name`)} />
            <TextInput label="Mã" required value={p.code} onChange={(e) => setPart(i, { code: e.currentTarget.value })} style={{ flex: 1, minWidth: 120 }} error={fieldError(error, `parts.${i}.code`)} />
            <Select label="Loại" data={KIND_OPTIONS} value={p.kind} allowDeselect={false} onChange={(v) => setPart(i, { kind: v ?? unit.kind })} style={{ flex: 1, minWidth: 160 }} />
            {parts.length > 2 ? <ActionIcon variant="subtle" color="red" mb={4} aria-label={`Bỏ đơn vị mới ${i + 1}`} onClick={() => setParts(parts.filter((_, j) => j !== i))}>✕</ActionIcon> : null}
          </Group>
        ))}
        {parts.length < 10 ? <Button variant="light" w="fit-content" onClick={() => setParts([...parts, blank()])}>Thêm một đơn vị mới</Button> : null}
        <DateField label="Ngày hiệu lực" required value={date} onChange={setDate} error={fieldError(error, 'effectiveDate')} />
        <Reason value={reason} onChange={setReason} required error={fieldError(error, 'reason')} />
      </FormModal>
    </>
  );
}
