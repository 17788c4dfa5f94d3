// Hồ sơ cán bộ: tabs Thông tin, Quá trình công tác, Trình độ, Đánh giá xếp loại, Kỷ luật, each with
// its add form. A person-role account edits only its own phone, e-mail and ethnicity.
import { Alert, Anchor, Autocomplete, Badge, Breadcrumbs, Button, Card, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, fieldError } from '../api/client';
import type { TPersonDetail } from '../api/types';
import { hasPermission, useMe } from '../auth';
import { FormCheckError, FormModal, optionalDate, orNull, requireDate } from '../components/form-modal';
import { UnitPicker, type TUnitOption } from '../components/unit-picker';
import { AwardHistory } from '../components/award-history';
import { PersonEligibility } from '../components/person-eligibility';
import { DateField, Empty, ErrorAlert, Loading, PageTitle, todayVi } from '../components/ui';
import { DISCIPLINE_LABELS, GENDER_LABELS, RATING_LABELS } from '../../shared/labels';
import { formatDateVi, schoolYearLabel, schoolYearOf } from '../../shared/vn';

const GENDER_OPTIONS = Object.entries(GENDER_LABELS).map(([value, label]) => ({ value, label }));
const RATING_OPTIONS = Object.entries(RATING_LABELS).map(([value, label]) => ({ value, label }));
const DISCIPLINE_OPTIONS = Object.entries(DISCIPLINE_LABELS).map(([value, label]) => ({ value, label }));
const QUALIFICATION_KINDS = ['Trình độ chuyên môn', 'Lý luận chính trị', 'Quản lý nhà nước', 'Quản lý giáo dục', 'Ngoại ngữ', 'Tin học', 'Chứng chỉ khác'];

function useRefresh(id: string) {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: ['person', id] }), qc.invalidateQueries({ queryKey: ['people'] })]);
}

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{value || '—'}</Text>
    </div>
  );
}

function EditPerson({ p, full }: { p: TPersonDetail; full: boolean }) {
  const [opened, { open, close }] = useDisclosure(false);
  const refresh = useRefresh(p.id);
  const initial = () => ({
    fullName: p.fullName, birthDate: formatDateVi(p.birthDate), gender: p.gender ?? '', ethnicity: p.ethnicity ?? '', cccd: p.cccd ?? '', phone: p.phone ?? '', email: p.email ?? '',
    position: p.position ?? '', staffCategory: p.staffCategory ?? '', sectorStartDate: formatDateVi(p.sectorStartDate), reason: '',
  });
  const [f, setF] = useState(initial);
  const [unit, setUnit] = useState<TUnitOption | null>(null);
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof ReturnType<typeof initial>) => (v: string) => setF({ ...f, [k]: v });
  const submit = async () => {
    const own = { ethnicity: orNull(f.ethnicity), phone: orNull(f.phone), email: orNull(f.email) };
    const body = full
      ? {
        ...own, fullName: f.fullName.trim(), birthDate: optionalDate(f.birthDate, 'Ngày sinh'), gender: f.gender || null, cccd: orNull(f.cccd), position: orNull(f.position),
        staffCategory: orNull(f.staffCategory), sectorStartDate: optionalDate(f.sectorStartDate, 'Ngày vào ngành'), reason: orNull(f.reason), ...(unit ? { unitId: unit.id } : {}),
      }
      : own;
    await api.patch(`/people/${p.id}`, body);
    await refresh();
    notifications.show({ color: 'green', message: 'Đã lưu hồ sơ.' });
    close();
  };
  const text = (k: keyof ReturnType<typeof initial>, label: string, extra: { required?: boolean; description?: string } = {}) => (
    <TextInput label={label} {...extra} value={f[k]} onChange={(e) => set(k)(e.currentTarget.value)} error={fieldError(error, k)} />
  );
  return (
    <>
      <Button variant="default" onClick={() => { setF(initial()); setUnit(null); setError(null); open(); }}>Sửa thông tin</Button>
      <FormModal title="Sửa hồ sơ cán bộ" opened={opened} onClose={close} onSubmit={submit} error={error} setError={setError}>
        {!full ? <Text size="sm" c="dimmed">Bạn được sửa số điện thoại, thư điện tử và dân tộc của mình. Thông tin khác do cán bộ phụ trách cập nhật.</Text> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {full ? text('fullName', 'Họ và tên', { required: true }) : null}
          {full ? <DateField label="Ngày sinh" value={f.birthDate} onChange={set('birthDate')} error={fieldError(error, 'birthDate')} /> : null}
          {full ? <Select label="Giới tính" data={GENDER_OPTIONS} value={f.gender || null} onChange={(v) => set('gender')(v ?? '')} clearable error={fieldError(error, 'gender')} /> : null}
          {text('ethnicity', 'Dân tộc')}
          {full ? text('cccd', 'Số CCCD', { description: '12 chữ số' }) : null}
          {text('phone', 'Điện thoại')}
          {text('email', 'Thư điện tử')}
          {full ? text('position', 'Chức vụ') : null}
          {full ? text('staffCategory', 'Ngạch/loại cán bộ') : null}
          {full ? <DateField label="Ngày vào ngành" value={f.sectorStartDate} onChange={set('sectorStartDate')} error={fieldError(error, 'sectorStartDate')} /> : null}
          {full ? <UnitPicker label="Chuyển đơn vị công tác" placeholder={p.unitName ?? 'Giữ nguyên'} value={unit} onChange={setUnit} error={fieldError(error, 'unitId')} /> : null}
        </SimpleGrid>
        {full ? <Textarea label="Lý do thay đổi" autosize minRows={2} value={f.reason} onChange={(e) => set('reason')(e.currentTarget.value)} error={fieldError(error, 'reason')} /> : null}
      </FormModal>
    </>
  );
}

function AddEmployment({ p }: { p: TPersonDetail }) {
  const [opened, { open, close }] = useDisclosure(false);
  const refresh = useRefresh(p.id);
  const [unit, setUnit] = useState<TUnitOption | null>(null);
  const [position, setPosition] = useState('');
  const [from, setFrom] = useState(todayVi());
  const [to, setTo] = useState('');
  const [moveCurrent, setMoveCurrent] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    if (!unit) throw new FormCheckError('Chưa chọn đơn vị');
    await api.post(`/people/${p.id}/employments`, { unitId: unit.id, position: position.trim(), fromDate: requireDate(from, 'Từ ngày'), toDate: optionalDate(to, 'Đến ngày'), moveCurrent });
    await refresh();
    notifications.show({ color: 'green', message: 'Đã thêm quá trình công tác.' });
    close();
  };
  return (
    <>
      <Button variant="light" onClick={() => { setUnit(null); setPosition(''); setFrom(todayVi()); setTo(''); setMoveCurrent(true); setError(null); open(); }}>Thêm quá trình công tác</Button>
      <FormModal title="Thêm quá trình công tác" opened={opened} onClose={close} onSubmit={submit} error={error} setError={setError} size="md">
        <UnitPicker label="Đơn vị" required value={unit} onChange={setUnit} error={fieldError(error, 'unitId')} />
        <TextInput label="Chức vụ" required value={position} onChange={(e) => setPosition(e.currentTarget.value)} error={fieldError(error, 'position')} />
        <SimpleGrid cols={2}>
          <DateField label="Từ ngày" required value={from} onChange={setFrom} error={fieldError(error, 'fromDate')} />
          <DateField label="Đến ngày" value={to} onChange={setTo} error={fieldError(error, 'toDate')} />
        </SimpleGrid>
        <Checkbox label="Đây là nơi công tác hiện nay (kết thúc quá trình đang có)" checked={moveCurrent} onChange={(e) => setMoveCurrent(e.currentTarget.checked)} />
      </FormModal>
    </>
  );
}

function AddQualification({ p }: { p: TPersonDetail }) {
  const [opened, { open, close }] = useDisclosure(false);
  const refresh = useRefresh(p.id);
  const [kind, setKind] = useState('');
  const [name, setName] = useState('');
  const [year, setYear] = useState<string | number>('');
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    await api.post(`/people/${p.id}/qualifications`, { kind: kind.trim(), name: name.trim(), year: year === '' ? null : Number(year) });
    await refresh();
    notifications.show({ color: 'green', message: 'Đã thêm trình độ.' });
    close();
  };
  return (
    <>
      <Button variant="light" onClick={() => { setKind(''); setName(''); setYear(''); setError(null); open(); }}>Thêm trình độ</Button>
      <FormModal title="Thêm trình độ, chứng chỉ" opened={opened} onClose={close} onSubmit={submit} error={error} setError={setError} size="md">
        <Autocomplete label="Loại" required data={QUALIFICATION_KINDS} value={kind} onChange={setKind} error={fieldError(error, 'kind')} />
        <TextInput label="Tên văn bằng, chứng chỉ (nơi cấp)" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(error, 'name')} />
        <NumberInput label="Năm cấp" min={1950} max={2100} allowDecimal={false} thousandSeparator={false} value={year} onChange={setYear} error={fieldError(error, 'year')} />
      </FormModal>
    </>
  );
}

function SetRating({ p }: { p: TPersonDetail }) {
  const [opened, { open, close }] = useDisclosure(false);
  const refresh = useRefresh(p.id);
  const current = schoolYearOf(new Date().toISOString().slice(0, 10));
  const years = Array.from({ length: 8 }, (_, i) => current - i);
  const [year, setYear] = useState(String(current));
  const [rating, setRating] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    if (!rating) throw new FormCheckError('Chưa chọn mức xếp loại');
    await api.put(`/people/${p.id}/ratings`, { schoolYear: Number(year), rating });
    await refresh();
    notifications.show({ color: 'green', message: `Đã ghi xếp loại năm học ${schoolYearLabel(Number(year))}.` });
    close();
  };
  return (
    <>
      <Button variant="light" onClick={() => { setYear(String(current)); setRating(''); setError(null); open(); }}>Ghi xếp loại</Button>
      <FormModal title="Ghi xếp loại đánh giá" opened={opened} onClose={close} onSubmit={submit} error={error} setError={setError} size="md">
        <Select label="Năm học" allowDeselect={false} data={years.map((y) => ({ value: String(y), label: schoolYearLabel(y) }))} value={year} onChange={(v) => setYear(v ?? String(current))} error={fieldError(error, 'schoolYear')} />
        <Select label="Mức xếp loại" required data={RATING_OPTIONS} value={rating || null} onChange={(v) => setRating(v ?? '')} error={fieldError(error, 'rating')} />
        <Text size="xs" c="dimmed">Nếu năm học này đã có xếp loại, mức mới sẽ thay mức cũ.</Text>
      </FormModal>
    </>
  );
}

function AddDiscipline({ p }: { p: TPersonDetail }) {
  const [opened, { open, close }] = useDisclosure(false);
  const refresh = useRefresh(p.id);
  const [form, setForm] = useState('');
  const [number, setNumber] = useState('');
  const [from, setFrom] = useState(todayVi());
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    if (!form) throw new FormCheckError('Chưa chọn hình thức kỷ luật');
    await api.post(`/people/${p.id}/disciplines`, { form, decisionNumber: orNull(number), fromDate: requireDate(from, 'Từ ngày'), toDate: optionalDate(to, 'Đến ngày'), reason: orNull(reason) });
    await refresh();
    notifications.show({ color: 'green', message: 'Đã thêm quyết định kỷ luật.' });
    close();
  };
  return (
    <>
      <Button variant="light" onClick={() => { setForm(''); setNumber(''); setFrom(todayVi()); setTo(''); setReason(''); setError(null); open(); }}>Thêm kỷ luật</Button>
      <FormModal title="Thêm quyết định kỷ luật" opened={opened} onClose={close} onSubmit={submit} error={error} setError={setError} size="md">
        <Select label="Hình thức" required data={DISCIPLINE_OPTIONS} value={form || null} onChange={(v) => setForm(v ?? '')} error={fieldError(error, 'form')} />
        <TextInput label="Số quyết định" value={number} onChange={(e) => setNumber(e.currentTarget.value)} error={fieldError(error, 'decisionNumber')} />
        <SimpleGrid cols={2}>
          <DateField label="Từ ngày" required value={from} onChange={setFrom} error={fieldError(error, 'fromDate')} />
          <DateField label="Đến ngày" value={to} onChange={setTo} error={fieldError(error, 'toDate')} />
        </SimpleGrid>
        <Textarea label="Lý do" autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError(error, 'reason')} />
      </FormModal>
    </>
  );
}

export default function PersonDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const q = useQuery({ queryKey: ['person', id], queryFn: () => api.get<TPersonDetail>(`/people/${id}`) });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const p = q.data;
  const full = p.canEdit && hasPermission(me, 'person.write');
  const canAdd = full;
  const activeDisciplines = p.disciplines.filter((d) => d.active);

  return (
    <Stack>
      {hasPermission(me, 'person.read') ? (
        <Breadcrumbs separator="›">
          <Anchor component={Link} to="/can-bo" size="sm">Cán bộ</Anchor>
          <Text size="sm">{p.fullName}</Text>
        </Breadcrumbs>
      ) : null}
      <PageTitle actions={p.canEdit ? <EditPerson p={p} full={full} /> : null}>{p.fullName}</PageTitle>
      {activeDisciplines.length ? (
        <Alert color="orange" title="Đang trong thời hạn kỷ luật">
          {activeDisciplines.map((d) => `${d.formLabel} (từ ${formatDateVi(d.fromDate)}${d.toDate ? ` đến ${formatDateVi(d.toDate)}` : ''})`).join('; ')}
        </Alert>
      ) : null}
      <Tabs defaultValue="info" keepMounted={false}>
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          <Tabs.Tab value="info">Thông tin</Tabs.Tab>
          <Tabs.Tab value="employments">Quá trình công tác</Tabs.Tab>
          <Tabs.Tab value="qualifications">Trình độ</Tabs.Tab>
          <Tabs.Tab value="ratings">Đánh giá xếp loại</Tabs.Tab>
          <Tabs.Tab value="awards">Khen thưởng</Tabs.Tab>
          {hasPermission(me, 'commendation.read') || me.personId === p.id ? <Tabs.Tab value="eligibility">Điều kiện khen thưởng</Tabs.Tab> : null}
          <Tabs.Tab value="disciplines">Kỷ luật{activeDisciplines.length ? <Badge ml={6} size="xs" color="orange">{activeDisciplines.length}</Badge> : null}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="info" pt="sm">
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
              <Field label="Họ và tên" value={p.fullName} />
              <Field label="Ngày sinh" value={formatDateVi(p.birthDate)} />
              <Field label="Giới tính" value={p.genderLabel} />
              <Field label="Dân tộc" value={p.ethnicity} />
              <Field label="Số CCCD" value={p.cccd} />
              <div>
                <Text size="xs" c="dimmed">Đơn vị</Text>
                {hasPermission(me, 'unit.read') ? <Anchor component={Link} to={`/don-vi/${p.unitId}`} size="sm">{p.unitName}</Anchor> : <Text size="sm">{p.unitName}</Text>}
              </div>
              <Field label="Chức vụ" value={p.position} />
              <Field label="Ngạch/loại cán bộ" value={p.staffCategory} />
              <Field label="Ngày vào ngành" value={formatDateVi(p.sectorStartDate)} />
              <Field label="Điện thoại" value={p.phone} />
              <Field label="Thư điện tử" value={p.email} />
            </SimpleGrid>
          </Card>
        </Tabs.Panel>

        <Tabs.Panel value="employments" pt="sm">
          {canAdd ? <Group mb="sm"><AddEmployment p={p} /></Group> : null}
          {p.employments.length === 0 ? <Empty>Chưa có quá trình công tác.</Empty> : (
            <Table.ScrollContainer minWidth={480}>
              <Table striped aria-label="Quá trình công tác">
                <Table.Thead><Table.Tr><Table.Th>Từ ngày</Table.Th><Table.Th>Đến ngày</Table.Th><Table.Th>Đơn vị</Table.Th><Table.Th>Chức vụ</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {p.employments.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td>{formatDateVi(e.fromDate)}</Table.Td>
                      <Table.Td>{e.toDate ? formatDateVi(e.toDate) : 'nay'}</Table.Td>
                      <Table.Td>{e.unitName}</Table.Td>
                      <Table.Td>{e.position}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Tabs.Panel>

        <Tabs.Panel value="qualifications" pt="sm">
          {canAdd ? <Group mb="sm"><AddQualification p={p} /></Group> : null}
          {p.qualifications.length === 0 ? <Empty>Chưa có thông tin trình độ.</Empty> : (
            <Table.ScrollContainer minWidth={420}>
              <Table striped aria-label="Trình độ">
                <Table.Thead><Table.Tr><Table.Th>Loại</Table.Th><Table.Th>Văn bằng, chứng chỉ</Table.Th><Table.Th>Năm</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {p.qualifications.map((x) => (
                    <Table.Tr key={x.id}><Table.Td>{x.kind}</Table.Td><Table.Td>{x.name}</Table.Td><Table.Td>{x.year ?? ''}</Table.Td></Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Tabs.Panel>

        <Tabs.Panel value="ratings" pt="sm">
          {canAdd ? <Group mb="sm"><SetRating p={p} /></Group> : null}
          {p.ratings.length === 0 ? <Empty>Chưa có kết quả đánh giá, xếp loại.</Empty> : (
            <Table.ScrollContainer minWidth={420}>
              <Table striped aria-label="Đánh giá xếp loại">
                <Table.Thead><Table.Tr><Table.Th>Năm học</Table.Th><Table.Th>Xếp loại</Table.Th><Table.Th>Đơn vị</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {[...p.ratings].sort((a, b) => b.schoolYear - a.schoolYear).map((r) => (
                    <Table.Tr key={r.id}><Table.Td>{r.schoolYearLabel}</Table.Td><Table.Td>{r.ratingLabel}</Table.Td><Table.Td>{r.unitName ?? ''}</Table.Td></Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Tabs.Panel>

        <Tabs.Panel value="awards" pt="sm">
          <AwardHistory personId={p.id} canEdit={canAdd} />
        </Tabs.Panel>

        <Tabs.Panel value="eligibility" pt="sm">
          <PersonEligibility personId={p.id} />
        </Tabs.Panel>

        <Tabs.Panel value="disciplines" pt="sm">
          {canAdd ? <Group mb="sm"><AddDiscipline p={p} /></Group> : null}
          {p.disciplines.length === 0 ? <Empty>Không có quyết định kỷ luật.</Empty> : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped aria-label="Kỷ luật">
                <Table.Thead><Table.Tr><Table.Th>Hình thức</Table.Th><Table.Th>Số quyết định</Table.Th><Table.Th>Từ ngày</Table.Th><Table.Th>Đến ngày</Table.Th><Table.Th>Lý do</Table.Th><Table.Th>Tình trạng</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {p.disciplines.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>{d.formLabel}</Table.Td>
                      <Table.Td>{d.decisionNumber ?? ''}</Table.Td>
                      <Table.Td>{formatDateVi(d.fromDate)}</Table.Td>
                      <Table.Td>{formatDateVi(d.toDate)}</Table.Td>
                      <Table.Td>{d.reason ?? ''}</Table.Td>
                      <Table.Td>{d.active ? <Badge color="orange">Đang thi hành</Badge> : <Badge color="gray">Đã hết hiệu lực</Badge>}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
