// Điển hình tiên tiến: each quarter a unit nominates one (person or collective) with a short write-up;
// the level above accepts or rejects it; the unit records consent to publish.
import { Badge, Button, Card, Group, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, toQuery } from '../api/client';
import { useCan, useMe } from '../auth';
import { FormModal } from '../components/form-modal';
import { STATUS_COLORS, type TExemplar } from '../components/participation-types';
import { UnitPicker, type TUnitOption } from '../components/unit-picker';
import { Empty, ErrorAlert, Loading, PageTitle, Pager } from '../components/ui';
import { schoolYearLabel } from '../../shared/vn';

function currentQuarter() {
  const d = new Date();
  const m = d.getMonth() + 1;
  const schoolYear = m >= 8 ? d.getFullYear() : d.getFullYear() - 1;
  return { schoolYear, quarter: m >= 8 && m <= 11 ? 1 : m === 12 || m <= 2 ? 2 : m <= 5 ? 3 : 4 };
}
const QUARTERS = [{ value: '1', label: 'Quý I (tháng 8–11)' }, { value: '2', label: 'Quý II (tháng 12–2)' }, { value: '3', label: 'Quý III (tháng 3–5)' }, { value: '4', label: 'Quý IV (tháng 6–7)' }];

function Nominate({ unit, schoolYear }: { unit: TUnitOption; schoolYear: number }) {
  const qc = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [quarter, setQuarter] = useState<string | null>(String(currentQuarter().quarter));
  const [title, setTitle] = useState('');
  const [writeUp, setWriteUp] = useState('');
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    await api.post('/exemplars', { unitId: unit.id, schoolYear, quarter: Number(quarter), title, writeUp, consentPublic: consent });
    await qc.invalidateQueries({ queryKey: ['exemplars'] });
    notifications.show({ color: 'green', message: 'Đã đề cử điển hình tiên tiến.' });
    setTitle(''); setWriteUp('');
    close();
  };
  return (
    <>
      <Button onClick={open}>Đề cử điển hình của quý</Button>
      <FormModal title={`Đề cử điển hình tiên tiến — ${unit.name}`} opened={opened} onClose={close} onSubmit={submit} submitLabel="Đề cử" error={error} setError={setError}>
        <Select label={`Quý của năm học ${schoolYearLabel(schoolYear)}`} data={QUARTERS} value={quarter} onChange={setQuarter} allowDeselect={false} />
        <TextInput label="Tên điển hình (cá nhân, tập thể, mô hình)" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Textarea label="Giới thiệu ngắn" required autosize minRows={4} value={writeUp} onChange={(e) => setWriteUp(e.currentTarget.value)} />
        <Switch label="Đồng ý công bố công khai" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
      </FormModal>
    </>
  );
}

export default function ExemplarsPage() {
  const me = useMe();
  const qc = useQueryClient();
  const canWrite = useCan('report.write');
  const first = me.roles[0];
  const [unit, setUnit] = useState<TUnitOption | null>(first ? { id: first.unitId, name: first.unitName } : null);
  const [schoolYear, setSchoolYear] = useState(currentQuarter().schoolYear);
  const [page, setPage] = useState(1);
  const [actionError, setActionError] = useState<unknown>(null);
  const { data, error } = useQuery({
    queryKey: ['exemplars', unit?.id, schoolYear, page], enabled: !!unit,
    queryFn: () => api.get<{ items: TExemplar[]; total: number; page: number; pageSize: number }>(`/exemplars${toQuery({ unitId: unit?.id, schoolYear, page, pageSize: 25 })}`),
  });
  const act = async (fn: () => Promise<unknown>, message: string) => {
    setActionError(null);
    try { await fn(); await qc.invalidateQueries({ queryKey: ['exemplars'] }); notifications.show({ color: 'green', message }); } catch (e) { setActionError(e); }
  };
  const years = [0, 1, 2].map((d) => currentQuarter().schoolYear - d);
  return (
    <>
      <PageTitle actions={canWrite && unit ? <Nominate unit={unit} schoolYear={schoolYear} /> : null}>Điển hình tiên tiến</PageTitle>
      <Group align="flex-end" mb="sm" wrap="wrap">
        <UnitPicker label="Đơn vị" value={unit} onChange={(u) => { if (u) { setUnit(u); setPage(1); } }} w={320} />
        <Select label="Năm học" data={years.map((y) => ({ value: String(y), label: schoolYearLabel(y) }))} value={String(schoolYear)} onChange={(v) => { setSchoolYear(Number(v)); setPage(1); }} allowDeselect={false} w={160} />
      </Group>
      <ErrorAlert error={error ?? actionError} />
      {!data ? <Loading /> : data.items.length === 0 ? <Empty>Chưa có điển hình nào trong năm học này.</Empty> : (
        <Stack>
          {data.items.map((x) => (
            <Card key={x.id} withBorder>
              <Group justify="space-between" wrap="wrap">
                <Group gap="xs"><Badge variant="light">{x.quarterLabel}</Badge><Badge color={STATUS_COLORS[x.status]}>{x.statusLabel}</Badge>{x.consentPublic ? <Badge color="teal" variant="outline">Đồng ý công bố</Badge> : null}</Group>
                <Text size="sm" c="dimmed">{x.unitName}</Text>
              </Group>
              <Text fw={600} mt={6}>{x.title}</Text>
              {x.personName ? <Text size="sm" c="dimmed">{x.personName}</Text> : null}
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>{x.writeUp}</Text>
              {x.rejectReason ? <Text size="sm" c="red.8" mt={4}>Lý do không công nhận: {x.rejectReason}</Text> : null}
              <Group mt="xs" gap="xs">
                {x.canDecide ? (
                  <>
                    <Button size="xs" color="green" onClick={() => act(() => api.post(`/exemplars/${x.id}/decide`, { decision: 'accept' }), 'Đã công nhận điển hình.')}>Công nhận</Button>
                    <Button size="xs" color="red" variant="light" onClick={() => { const reason = window.prompt('Lý do không công nhận'); if (reason !== null) void act(() => api.post(`/exemplars/${x.id}/decide`, { decision: 'reject', reason }), 'Đã ghi không công nhận.'); }}>Không công nhận</Button>
                  </>
                ) : null}
                {canWrite ? <Switch size="xs" label="Đồng ý công bố" checked={x.consentPublic} onChange={(e) => { const v = e.currentTarget.checked; void act(() => api.post(`/exemplars/${x.id}/consent`, { consentPublic: v }), v ? 'Đã ghi đồng ý công bố.' : 'Đã rút đồng ý công bố.'); }} /> : null}
              </Group>
            </Card>
          ))}
          <Pager page={page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
        </Stack>
      )}
    </>
  );
}
