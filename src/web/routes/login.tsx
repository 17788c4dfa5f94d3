// Đăng nhập: the server's own message is shown on failure (wrong password, temporary lockout).
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api/client';
import type { TMe } from '../api/types';
import { useSignIn } from '../auth';

export default function LoginPage() {
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const me = await api.post<TMe>('/auth/login', { username: username.trim(), password });
      signIn(me);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="form" onSubmit={submit} withBorder shadow="sm" p="lg" w="100%" maw={380} radius="md">
        <Stack>
          <div>
            <Title order={1} size="h3">Đăng nhập</Title>
            <Text size="sm" c="dimmed">Phần mềm Thi đua – Khen thưởng ngành Giáo dục</Text>
          </div>
          {error ? <Alert color="red" role="alert">{errorMessage(error)}</Alert> : null}
          <TextInput label="Tên đăng nhập" autoComplete="username" required value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoFocus />
          <PasswordInput label="Mật khẩu" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={busy} fullWidth>Đăng nhập</Button>
        </Stack>
      </Paper>
    </Center>
  );
}
