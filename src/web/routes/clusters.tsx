// Cụm/khối thi đua: the clusters of a school year, creating one, and setting its members with their
// roles (trưởng, phó, thành viên).
import { ActionIcon, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldError, toQuery } from '../api/client';
import type { TCluster, TClusterMember } from '../api/types';
import { useCan, useMe } from '../auth';
import { FormCheckError, FormModal, orNull } from '../components/form-modal';
import { UnitPicker, type TUnitOption } from '../components/unit-picker';
import { Empty, ErrorAlert, Loading, PageTitle } from '../components/ui';
import { CLUSTER_KIND_LABELS, CLUSTER_ROLE_LABELS } from '../../shared/labels';
import { schoolYearLabel, schoolYearOf } from '../../shared/vn';

type TMemberDraft = { unitId: string; unitName: string; role: TClusterMember['role'] };
const ROLE_OPTIONS = Object.entries(CLUSTER_ROLE_LABELS).map(([value, label]) => ({ value, label }));
const KIND_OPTIONS = Object.entries(CLUSTER_KIND_LABELS).map(([value, label]) => ({ value, label }));
const ROLE_ORDER = { truong: 0, pho: 1, thanh_vien: 2 } as const;

function MembersEditor({ members, onChange, error }: { members: TMemberDraft[]; onChange: (m: TMemberDraft[]) => void; error: unknown }) {
  const [picking, setPicking] = useState<TUnitOption | null>(null);
  return (
    <Stack gap="xs">
      <Group align="flex-end" wrap="nowrap">
        <UnitPicker label="Thêm đơn vị thành viên" value={picking} onChange={setPicking} exclude={members.map((m) => m.unitId)} style={{ flex: 1 }} error={fieldError(error, 'members')} />
        <Button variant="light" disabled={!picking} onClick={() => { if (picking) { onChange([...members, { unitId: picking.id, unitName: picking.name, role: 'thanh_vien' }]); setPicking(null); } }}>Thêm</Button>
      </Group>
      {members.length === 0 ? <Empty>Chưa có thành viên.</Empty> : members.map((m, i) => (
        <Group key={m.unitId} wrap="nowrap" gap="xs">
          <Text size="sm" style={{ flex: 1 }}>{m.unitName}</Text>
          <Select aria-label={`Vai trò của ${m.unitName}`} data={ROLE_OPTIONS} value={m.role} allowDeselect={false} w={170}
            onChange={(v) => onChange(members.map((x, j) => (j === i ? { ...x, role: (v ?? 'thanh_vien') as TMemberDraft['role'] } : x)))} />
          <ActionIcon variant="subtle" color="red" aria-label={`Bỏ ${m.unitName}`} onClick={() => onChange(members.filter((_, j) => j !== i))}>✕</ActionIcon>
        </Group>
      ))}
    </Stack>
  );
}

function CreateCluster({ year, years }: { year: number; years: number[] }) {
  const me = useMe();
  const qc = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const firstRole = me.roles[0];
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'cum' | 'khoi'>('cum');
  const [schoolYear, setSchoolYear] = useState(String(year));
  const [owner, setOwner] = useState<TUnitOption | null>(firstRole ? { id: firstRole.unitId, name: firstRole.unitName } : null);
  const [note, setNote] = useState('');
  const [members, setMembers] = useState<TMemberDraft[]>([]);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    if (!owner) throw new FormCheckError('Chưa chọn đơn vị quản lý cụm/khối');
    await api.post<TCluster>('/clusters', { name: name.trim(), kind, schoolYear: Number(schoolYear), ownerUnitId: owner.id, note: orNull(note), members: members.map((m) => ({ unitId: m.unitId, role: m.role })) });
    await qc.invalidateQueries({ queryKey: ['clusters'] });
    notifications.show({ color: 'green', message: `Đã tạo ${name.trim()}.` });
    close();
  };
  return (
    <>
      <Button onClick={() => { setName(''); setSchoolYear(String(year)); setMembers([]); setNote(''); setError(null); open(); }}>Tạo cụm/khối</Button>
      <FormModal title="Tạo cụm/khối thi đua" opened={opened} onClose={close} onSubmit={submit} error={error} setError={setError} submitLabel="Tạo">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Tên cụm/khối" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(error, 'name')} />
          <Select label="Loại" data={KIND_OPTIONS} value={kind} allowDeselect={false} onChange={(v) => setKind((v ?? 'cum') as 'cum' | 'khoi')} />
          <Select label="Năm học" data={years.map((y) => ({ value: String(y), label: schoolYearLabel(y) }))} value={schoolYear} allowDeselect={false} onChange={(v) => setSchoolYear(v ?? String(year))} error={fieldError(error, 'schoolYear')} />
          <UnitPicker label="Đơn vị quản lý" required value={owner} onChange={setOwner} error={fieldError(error, 'ownerUnitId')} />
        </SimpleGrid>
        <Textarea label="Ghi chú" autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <MembersEditor members={members} onChange={setMembers} error={error} />
      </FormModal>
    </>
  );
}

function EditMembers({ cluster }: { cluster: TCluster }) {
  const qc = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const toDraft = () => cluster.members.map((m) => ({ unitId: m.unitId, unitName: m.unitName ?? '', role: m.role }));
  const [members, setMembers] = useState<TMemberDraft[]>(toDraft);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    await api.put<TCluster>(`/clusters/${cluster.id}/members`, { members: members.map((m) => ({ unitId: m.unitId, role: m.role })) });
    await qc.invalidateQueries({ queryKey: ['clusters'] });
    notifications.show({ color: 'green', message: 'Đã lưu thành viên.' });
    close();
  };
  return (
    <>
      <Button size="xs" variant="light" onClick={() => { setMembers(toDraft()); setError(null); open(); }}>Thành viên và vai trò</Button>
      <FormModal title={`Thành viên – ${cluster.name}`} opened={opened} onClose={close} onSubmit={submit} error={error} setError={setError}>
        <MembersEditor members={members} onChange={setMembers} error={error} />
      </FormModal>
    </>
  );
}

export default function ClustersPage() {
  const canWrite = useCan('cluster.write');
  const current = schoolYearOf(new Date().toISOString().slice(0, 10));
  const years = Array.from({ length: 6 }, (_, i) => current + 1 - i);
  const [year, setYear] = useState(current);
  const q = useQuery({ queryKey: ['clusters', year], queryFn: () => api.get<{ items: TCluster[] }>(`/clusters${toQuery({ schoolYear: year })}`) });

  return (
    <Stack>
      <PageTitle actions={canWrite ? <CreateCluster year={year} years={years} /> : null}>Cụm, khối thi đua</PageTitle>
      <Select label="Năm học" w={200} data={years.map((y) => ({ value: String(y), label: schoolYearLabel(y) }))} value={String(year)} allowDeselect={false} onChange={(v) => setYear(Number(v ?? current))} />
      <ErrorAlert error={q.error} />
      {!q.data ? (q.isPending ? <Loading /> : null) : q.data.items.length === 0 ? <Empty>Năm học {schoolYearLabel(year)} chưa có cụm/khối thi đua nào.</Empty> : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {q.data.items.map((c) => (
            <Card key={c.id} withBorder>
              <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap" gap="xs">
                <div>
                  <Title order={3} size="h5">{c.name}</Title>
                  <Text size="sm" c="dimmed">{c.kindLabel} · năm học {c.schoolYearLabel} · quản lý: {c.ownerUnitName ?? ''}</Text>
                </div>
                {canWrite ? <EditMembers cluster={c} /> : null}
              </Group>
              {c.note ? <Text size="sm" mb="xs">{c.note}</Text> : null}
              <Table.ScrollContainer minWidth={320}>
                <Table aria-label={`Thành viên ${c.name}`}>
                  <Table.Tbody>
                    {[...c.members].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]).map((m) => (
                      <Table.Tr key={m.unitId}>
                        <Table.Td><Text size="sm">{m.unitName}</Text></Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.role === 'thanh_vien' ? <Text size="sm" c="dimmed">{m.roleLabel}</Text> : <Badge variant="light" tt="none" color={m.role === 'truong' ? 'blue' : 'teal'}>{m.roleLabel}</Badge>}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Text size="xs" c="dimmed" mt={4}>{c.members.length} thành viên</Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
