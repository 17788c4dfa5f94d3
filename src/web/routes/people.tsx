// Cán bộ: search (without diacritics), filters, a paginated table, Excel export and adding a person.
import { Anchor, Button, Card, Group, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, downloadFile, errorMessage, fieldError, toQuery } from '../api/client';
import type { TPage, TPerson, TUnitDetail } from '../api/types';
import { useCan } from '../auth';
import { FormCheckError, FormModal, optionalDate, orNull } from '../components/form-modal';
import { UnitPicker, type TUnitOption } from '../components/unit-picker';
import { DateField, Empty, ErrorAlert, Loading, PageTitle, Pager } from '../components/ui';
import { GENDER_LABELS } from '../../shared/labels';
import { formatDateVi } from '../../shared/vn';
import { useListParams } from '../components/use-list-params';

const PAGE_SIZE = 25;
const GENDER_OPTIONS = Object.entries(GENDER_LABELS).map(([value, label]) => ({ value, label }));

function AddPerson({ defaultUnit }: { defaultUnit: TUnitOption | null }) {
  const [opened, { open, close }] = useDisclosure(false);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const empty = { fullName: '', birthDate: '', gender: '', ethnicity: 'Kinh', cccd: '', phone: '', email: '', position: '', staffCategory: '', sectorStartDate: '', startDate: '' };
  const [f, setF] = useState(empty);
  const [unit, setUnit] = useState<TUnitOption | null>(defaultUnit);
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof typeof empty) => (v: string) => setF({ ...f, [k]: v });
  const submit = async () => {
    if (!unit) throw new FormCheckError('Chưa chọn đơn vị công tác');
    const p = await api.post<TPerson>('/people', {
      fullName: f.fullName.trim(), birthDate: optionalDate(f.birthDate, 'Ngày sinh'), gender: f.gender || null, ethnicity: orNull(f.ethnicity), cccd: orNull(f.cccd),
      phone: orNull(f.phone), email: orNull(f.email), unitId: unit.id, position: orNull(f.position), staffCategory: orNull(f.staffCategory),
      sectorStartDate: optionalDate(f.sectorStartDate, 'Ngày vào ngành'), startDate: optionalDate(f.startDate, 'Ngày về đơn vị'),
    });
    await qc.invalidateQueries({ queryKey: ['people'] });
    notifications.show({ color: 'green', message: `Đã thêm ${p.fullName}.` });
    close();
    navigate(`/can-bo/${p.id}`);
  };
  return (
    <>
      <Button onClick={() => { setF(empty); setUnit(defaultUnit); setError(null); open(); }}>Thêm cán bộ</Button>
      <FormModal title="Thêm cán bộ" opened={opened} onClose={close} onSubmit={submit} error={error} setError={setError}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Họ và tên" required value={f.fullName} onChange={(e) => set('fullName')(e.currentTarget.value)} error={fieldError(error, 'fullName')} />
          <DateField label="Ngày sinh" value={f.birthDate} onChange={set('birthDate')} error={fieldError(error, 'birthDate')} />
          <Select label="Giới tính" data={GENDER_OPTIONS} value={f.gender || null} onChange={(v) => set('gender')(v ?? '')} clearable error={fieldError(error, 'gender')} />
          <TextInput label="Dân tộc" value={f.ethnicity} onChange={(e) => set('ethnicity')(e.currentTarget.value)} error={fieldError(error, 'ethnicity')} />
          <TextInput label="Số CCCD" description="12 chữ số" value={f.cccd} onChange={(e) => set('cccd')(e.currentTarget.value)} error={fieldError(error, 'cccd')} />
          <UnitPicker label="Đơn vị công tác" required value={unit} onChange={setUnit} error={fieldError(error, 'unitId')} />
          <TextInput label="Chức vụ" value={f.position} onChange={(e) => set('position')(e.currentTarget.value)} error={fieldError(error, 'position')} />
          <TextInput label="Ngạch/loại cán bộ" placeholder="Giáo viên, Nhân viên…" value={f.staffCategory} onChange={(e) => set('staffCategory')(e.currentTarget.value)} error={fieldError(error, 'staffCategory')} />
          <DateField label="Ngày về đơn vị" value={f.startDate} onChange={set('startDate')} error={fieldError(error, 'startDate')} />
          <DateField label="Ngày vào ngành" value={f.sectorStartDate} onChange={set('sectorStartDate')} error={fieldError(error, 'sectorStartDate')} />
          <TextInput label="Điện thoại" value={f.phone} onChange={(e) => set('phone')(e.currentTarget.value)} error={fieldError(error, 'phone')} />
          <TextInput label="Thư điện tử" value={f.email} onChange={(e) => set('email')(e.currentTarget.value)} error={fieldError(error, 'email')} />
        </SimpleGrid>
      </FormModal>
    </>
  );
}

export default function PeoplePage() {
  const { params, q, setQ, debounced, page, update } = useListParams();
  const canWrite = useCan('person.write');
  const unitId = params.get('unitId') ?? '';
  const gender = params.get('gender') ?? '';
  const [exporting, setExporting] = useState(false);
  const unitQ = useQuery({ queryKey: ['units', 'detail', unitId], queryFn: () => api.get<TUnitDetail>(`/units/${unitId}`), enabled: !!unitId });
  const unit: TUnitOption | null = unitId ? { id: unitId, name: unitQ.data?.name ?? 'Đang tải…' } : null;
  const list = useQuery({
    queryKey: ['people', 'list', debounced, unitId, gender, page],
    queryFn: () => api.get<TPage<TPerson> & { totalCapped?: boolean }>(`/people${toQuery({ q: debounced, withinId: unitId, gender, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  const exportExcel = async () => {
    setExporting(true);
    try {
      await downloadFile(`/imports/export/people${toQuery({ withinId: unitId, q: debounced })}`, 'can-bo.xlsx');
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageTitle actions={<>
        <Button variant="default" onClick={exportExcel} loading={exporting}>Xuất Excel</Button>
        {canWrite ? <AddPerson defaultUnit={unit && unitQ.data ? unit : null} /> : null}
      </>}>Cán bộ</PageTitle>
      <Card withBorder padding="sm">
        <Group grow preventGrowOverflow={false} wrap="wrap" mb="sm" align="flex-end">
          <TextInput label="Tìm cán bộ" placeholder="Họ tên, gõ không dấu cũng được" value={q} miw={220}
            onChange={(e) => { setQ(e.currentTarget.value); update({ q: e.currentTarget.value, page: '' }); }} />
          <UnitPicker label="Đơn vị (gồm cả đơn vị trực thuộc)" placeholder="Tất cả đơn vị" value={unit} miw={220} onChange={(u) => update({ unitId: u?.id ?? '', page: '' })} />
          <Select label="Giới tính" placeholder="Tất cả" clearable data={GENDER_OPTIONS} value={gender || null} miw={120} onChange={(v) => update({ gender: v ?? '', page: '' })} />
        </Group>
        <ErrorAlert error={list.error} />
        {list.isPending ? <Loading /> : list.data && list.data.items.length === 0 ? <Empty>Không tìm thấy cán bộ phù hợp.</Empty> : list.data ? (
          <Table.ScrollContainer minWidth={300}>
            <Table striped highlightOnHover aria-label="Danh sách cán bộ">
              <Table.Thead>
                <Table.Tr><Table.Th>Họ và tên</Table.Th><Table.Th>Ngày sinh</Table.Th><Table.Th visibleFrom="sm">Giới tính</Table.Th><Table.Th visibleFrom="sm">Đơn vị</Table.Th><Table.Th visibleFrom="sm">Chức vụ</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/can-bo/${p.id}`} size="sm">{p.fullName}</Anchor>
                      {/* On phones the last three columns fold under the name. */}
                      <Text size="xs" c="dimmed" hiddenFrom="sm">{[p.genderLabel, p.position, p.unitName].filter(Boolean).join(' · ')}</Text>
                    </Table.Td>
                    <Table.Td><Text size="sm">{formatDateVi(p.birthDate)}</Text></Table.Td>
                    <Table.Td visibleFrom="sm"><Text size="sm">{p.genderLabel ?? ''}</Text></Table.Td>
                    <Table.Td visibleFrom="sm"><Text size="sm">{p.unitName ?? ''}</Text></Table.Td>
                    <Table.Td visibleFrom="sm"><Text size="sm">{p.position ?? ''}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {list.data ? <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} capped={list.data.totalCapped} onChange={(p) => update({ page: String(p) })} /> : null}
      </Card>
    </>
  );
}
