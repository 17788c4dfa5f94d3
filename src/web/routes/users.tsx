// Tài khoản: list, create (roles per unit; the temporary password is shown once), edit roles and
// active flag, reset password (shown once).
import { ActionIcon, Alert, Badge, Button, Card, Code, CopyButton, Group, Modal, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage, fieldError, toQuery } from '../api/client';
import type { TPage, TPerson, TRoleCode, TUser } from '../api/types';
import { FormCheckError, FormModal, orNull } from '../components/form-modal';
import { UnitPicker, type TUnitOption } from '../components/unit-picker';
import { Empty, ErrorAlert, Loading, PageTitle, Pager, formatDateTimeVi } from '../components/ui';
import { ROLE_LABELS_VI } from '../../shared/labels';

const PAGE_SIZE = 25;
const ROLE_OPTIONS = Object.entries(ROLE_LABELS_VI).map(([value, label]) => ({ value, label }));
type TRoleDraft = { key: number; role: TRoleCode; unit: TUnitOption | null };
type TPersonOption = { id: string; name: string };
let nextKey = 1;

function PersonPicker({ value, onChange }: { value: TPersonOption | null; onChange: (p: TPersonOption | null) => void }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const typed = value && search === value.name ? '' : debounced;
  const { data } = useQuery({
    queryKey: ['people', 'picker', typed],
    queryFn: () => api.get<TPage<TPerson>>(`/people${toQuery({ q: typed, pageSize: 20 })}`),
    enabled: typed.length >= 2,
  });
  const options = new Map<string, string>();
  if (value) options.set(value.id, value.name);
  for (const p of data?.items ?? []) options.set(p.id, `${p.fullName} – ${p.unitName ?? ''}`);
  return (
    <Select label="Gắn với hồ sơ cán bộ" description="Bắt buộc với vai trò Cá nhân" placeholder="Gõ họ tên để tìm" searchable clearable
      data={[...options].map(([id, label]) => ({ value: id, label }))} value={value?.id ?? null}
      onChange={(id) => onChange(id ? { id, name: options.get(id) ?? '' } : null)} searchValue={search} onSearchChange={setSearch}
      filter={({ options: o }) => o} nothingFoundMessage={typed.length < 2 ? 'Gõ ít nhất 2 ký tự' : 'Không tìm thấy'} />
  );
}

function RolesEditor({ roles, onChange, error }: { roles: TRoleDraft[]; onChange: (r: TRoleDraft[]) => void; error: unknown }) {
  const set = (i: number, patch: Partial<TRoleDraft>) => onChange(roles.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>Vai trò (mỗi vai trò gắn với một đơn vị và có hiệu lực với cả các đơn vị trực thuộc)</Text>
      {fieldError(error, 'roles') ? <Text size="xs" c="red">{fieldError(error, 'roles')}</Text> : null}
      {roles.map((r, i) => (
        <Group key={r.key} align="flex-end" wrap="wrap" gap="xs">
          <Select label="Vai trò" data={ROLE_OPTIONS} value={r.role} allowDeselect={false} w={220} onChange={(v) => set(i, { role: (v ?? 'officer') as TRoleCode })} />
          <UnitPicker label="Tại đơn vị" value={r.unit} onChange={(u) => set(i, { unit: u })} style={{ flex: 1, minWidth: 220 }} />
          <ActionIcon variant="subtle" color="red" mb={4} aria-label="Bỏ vai trò này" onClick={() => onChange(roles.filter((_, j) => j !== i))}>✕</ActionIcon>
        </Group>
      ))}
      <Button variant="light" w="fit-content" onClick={() => onChange([...roles, { key: nextKey++, role: 'officer', unit: null }])}>Thêm vai trò</Button>
    </Stack>
  );
}

function rolesPayload(roles: TRoleDraft[]) {
  if (roles.some((r) => !r.unit)) throw new FormCheckError('Mỗi vai trò cần chọn đơn vị');
  return roles.map((r) => ({ role: r.role, unitId: r.unit!.id }));
}

function PasswordShown({ title, password, onClose }: { title: string; password: string | null; onClose: () => void }) {
  return (
    <Modal opened={!!password} onClose={onClose} title={title} centered>
      <Stack>
        <Alert color="yellow">Mật khẩu tạm chỉ hiển thị một lần. Hãy ghi lại và trao cho người dùng; họ sẽ phải đổi mật khẩu khi đăng nhập.</Alert>
        <Group>
          <Code fz="lg" aria-label="Mật khẩu tạm">{password}</Code>
          <CopyButton value={password ?? ''}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? 'Đã chép' : 'Chép'}</Button>}</CopyButton>
        </Group>
        <Button onClick={onClose}>Đã ghi lại</Button>
      </Stack>
    </Modal>
  );
}

function CreateUser() {
  const qc = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [f, setF] = useState({ username: '', fullName: '', email: '' });
  const [person, setPerson] = useState<TPersonOption | null>(null);
  const [roles, setRoles] = useState<TRoleDraft[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [shown, setShown] = useState<string | null>(null);
  const submit = async () => {
    if (!roles.length) throw new FormCheckError('Cần ít nhất một vai trò');
    const r = await api.post<{ user: TUser; temporaryPassword: string | null }>('/users', {
      username: f.username.trim(), fullName: f.fullName.trim(), email: orNull(f.email), personId: person?.id ?? null, roles: rolesPayload(roles),
    });
    await qc.invalidateQueries({ queryKey: ['users'] });
    close();
    if (r.temporaryPassword) setShown(r.temporaryPassword);
    else notifications.show({ color: 'green', message: `Đã tạo tài khoản ${r.user.username}.` });
  };
  return (
    <>
      <Button onClick={() => { setF({ username: '', fullName: '', email: '' }); setPerson(null); setRoles([{ key: nextKey++, role: 'officer', unit: null }]); setError(null); open(); }}>Tạo tài khoản</Button>
      <FormModal title="Tạo tài khoản" opened={opened} onClose={close} onSubmit={submit} error={error} setError={setError} submitLabel="Tạo" size="xl">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Tên đăng nhập" required value={f.username} onChange={(e) => setF({ ...f, username: e.currentTarget.value })} error={fieldError(error, 'username')} />
          <TextInput label="Họ và tên" required value={f.fullName} onChange={(e) => setF({ ...f, fullName: e.currentTarget.value })} error={fieldError(error, 'fullName')} />
          <TextInput label="Thư điện tử" value={f.email} onChange={(e) => setF({ ...f, email: e.currentTarget.value })} error={fieldError(error, 'email')} />
          <PersonPicker value={person} onChange={setPerson} />
        </SimpleGrid>
        <RolesEditor roles={roles} onChange={setRoles} error={error} />
      </FormModal>
      <PasswordShown title="Đã tạo tài khoản" password={shown} onClose={() => setShown(null)} />
    </>
  );
}

function EditUser({ user }: { user: TUser }) {
  const qc = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const draft = () => user.roles.map((r) => ({ key: nextKey++, role: r.role, unit: { id: r.unitId, name: r.unitName } }));
  const [fullName, setFullName] = useState(user.fullName);
  const [email, setEmail] = useState(user.email ?? '');
  const [active, setActive] = useState(user.isActive);
  const [person, setPerson] = useState<TPersonOption | null>(user.personId ? { id: user.personId, name: user.personName ?? '' } : null);
  const [roles, setRoles] = useState<TRoleDraft[]>(draft);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    await api.patch<TUser>(`/users/${user.id}`, { fullName: fullName.trim(), email: orNull(email), isActive: active, personId: person?.id ?? null, roles: rolesPayload(roles) });
    await qc.invalidateQueries({ queryKey: ['users'] });
    notifications.show({ color: 'green', message: 'Đã lưu tài khoản.' });
    close();
  };
  return (
    <>
      <Button size="xs" variant="light" onClick={() => { setFullName(user.fullName); setEmail(user.email ?? ''); setActive(user.isActive); setPerson(user.personId ? { id: user.personId, name: user.personName ?? '' } : null); setRoles(draft()); setError(null); open(); }}>Sửa</Button>
      <FormModal title={`Sửa tài khoản ${user.username}`} opened={opened} onClose={close} onSubmit={submit} error={error} setError={setError} size="xl">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Họ và tên" required value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} error={fieldError(error, 'fullName')} />
          <TextInput label="Thư điện tử" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError(error, 'email')} />
          <PersonPicker value={person} onChange={setPerson} />
          <Switch label="Đang hoạt động (tắt để khóa tài khoản)" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} mt="lg" />
        </SimpleGrid>
        <RolesEditor roles={roles} onChange={setRoles} error={error} />
      </FormModal>
    </>
  );
}

function ResetPassword({ user }: { user: TUser }) {
  const [confirm, { open, close }] = useDisclosure(false);
  const [shown, setShown] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reset = async () => {
    setBusy(true);
    try {
      const r = await api.post<{ temporaryPassword: string }>(`/users/${user.id}/reset-password`);
      close();
      setShown(r.temporaryPassword);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="xs" variant="subtle" color="orange" onClick={open}>Đặt lại mật khẩu</Button>
      <Modal opened={confirm} onClose={close} title="Đặt lại mật khẩu" centered>
        <Stack>
          <Text size="sm">Đặt mật khẩu tạm mới cho <b>{user.fullName}</b> ({user.username})? Các phiên đăng nhập hiện có của tài khoản này sẽ kết thúc.</Text>
          <Group justify="flex-end"><Button variant="default" onClick={close}>Hủy</Button><Button color="orange" loading={busy} onClick={reset}>Đặt lại</Button></Group>
        </Stack>
      </Modal>
      <PasswordShown title={`Mật khẩu tạm của ${user.username}`} password={shown} onClose={() => setShown(null)} />
    </>
  );
}

export default function UsersPage() {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['users', debounced, page],
    queryFn: () => api.get<TPage<TUser>>(`/users${toQuery({ q: debounced, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageTitle actions={<CreateUser />}>Tài khoản</PageTitle>
      <Card withBorder padding="sm">
        <TextInput label="Tìm tài khoản" placeholder="Tên đăng nhập hoặc họ tên" value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} maw={360} mb="sm" />
        <ErrorAlert error={list.error} />
        {list.isPending ? <Loading /> : list.data && list.data.items.length === 0 ? <Empty>Không có tài khoản phù hợp.</Empty> : list.data ? (
          <Table.ScrollContainer minWidth={760}>
            <Table striped aria-label="Danh sách tài khoản">
              <Table.Thead>
                <Table.Tr><Table.Th>Tên đăng nhập</Table.Th><Table.Th>Họ và tên</Table.Th><Table.Th>Vai trò</Table.Th><Table.Th>Trạng thái</Table.Th><Table.Th>Đăng nhập gần nhất</Table.Th><Table.Th /></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td><Text size="sm" fw={500}>{u.username}</Text></Table.Td>
                    <Table.Td><Text size="sm">{u.fullName}</Text>{u.personName ? <Text size="xs" c="dimmed">Hồ sơ: {u.personName}</Text> : null}</Table.Td>
                    <Table.Td>{u.roles.map((r, i) => <Text key={i} size="xs">{r.roleLabel} – {r.unitName}</Text>)}</Table.Td>
                    <Table.Td>
                      {u.isActive ? <Badge color="green" variant="light" tt="none">Hoạt động</Badge> : <Badge color="gray" tt="none">Đã khóa</Badge>}
                      {u.mustChangePassword ? <Badge ml={4} color="yellow" variant="light" tt="none">Chờ đổi mật khẩu</Badge> : null}
                    </Table.Td>
                    <Table.Td><Text size="sm">{formatDateTimeVi(u.lastLoginAt) || 'Chưa đăng nhập'}</Text></Table.Td>
                    <Table.Td><Group gap={4} wrap="nowrap"><EditUser user={u} /><ResetPassword user={u} /></Group></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {list.data ? <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={setPage} /> : null}
      </Card>
    </>
  );
}
