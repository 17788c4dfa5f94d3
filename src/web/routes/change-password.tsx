// Đổi mật khẩu: forced right after login when the account still has a temporary password.
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, errorMessage, fieldError } from '../api/client';
import { ME_KEY, fetchMe, useSignOut } from '../auth';

export default function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const qc = useQueryClient();
  const signOut = useSignOut();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = again !== '' && again !== next;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    setError(null);
    setBusy(true);
    try {
      await api.post('/auth/change-password', { currentPassword: current, newPassword: next });
      notifications.show({ color: 'green', message: 'Đã đổi mật khẩu.' });
      setCurrent(''); setNext(''); setAgain('');
      qc.setQueryData(ME_KEY, await fetchMe());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const form = (
    <Paper component="form" onSubmit={submit} withBorder p="lg" w="100%" maw={420} radius="md">
      <Stack>
        <Title order={forced ? 1 : 2} size="h3">Đổi mật khẩu</Title>
        {forced ? <Text size="sm">Tài khoản đang dùng mật khẩu tạm. Hãy đặt mật khẩu mới trước khi tiếp tục.</Text> : null}
        {error ? <Alert color="red" role="alert">{errorMessage(error, { currentPassword: 'Mật khẩu hiện tại', newPassword: 'Mật khẩu mới' })}</Alert> : null}
        <PasswordInput label="Mật khẩu hiện tại" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={fieldError(error, 'currentPassword')} />
        <PasswordInput label="Mật khẩu mới" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.currentTarget.value)} error={fieldError(error, 'newPassword')} />
        <PasswordInput label="Nhập lại mật khẩu mới" autoComplete="new-password" required value={again} onChange={(e) => setAgain(e.currentTarget.value)} error={mismatch ? 'Hai lần nhập không khớp' : undefined} />
        <Button type="submit" loading={busy}>Lưu mật khẩu mới</Button>
        {forced ? <Button variant="subtle" onClick={() => void signOut()}>Đăng xuất</Button> : null}
      </Stack>
    </Paper>
  );
  return forced ? <Center mih="100vh" p="md" bg="gray.0">{form}</Center> : form;
}
