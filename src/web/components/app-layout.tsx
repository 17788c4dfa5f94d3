// The frame of every signed-in page: header (burger on phones, notifications, user menu) and the
// navigation, filtered by the permissions /auth/me reports.
import { ActionIcon, AppShell, Avatar, Burger, Group, Indicator, Menu, NavLink, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { TNotification } from '../api/types';
import { hasPermission, useMe, useSignOut } from '../auth';
import { formatDateTimeVi } from './ui';

type TNavItem = { to: string; label: string; show: boolean };

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" />
    </svg>
  );
}

function NotificationBell() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { data } = useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get<{ items: TNotification[]; unread: number }>('/notifications'),
    refetchInterval: 60_000,
  });
  const markRead = useMutation({
    mutationFn: (id: string) => api.post(`/notifications/${id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const unread = data?.unread ?? 0;
  const open = (n: TNotification) => {
    if (!n.readAt) markRead.mutate(n.id);
    close();
    if (n.link?.startsWith('/')) navigate(n.link);
  };
  return (
    <Popover opened={opened} onChange={(o) => (o ? undefined : close())} position="bottom-end" width={320} shadow="md">
      <Popover.Target>
        <Indicator label={unread} size={16} disabled={unread === 0} color="red" offset={4}>
          <ActionIcon variant="subtle" size="lg" onClick={toggle} aria-label={unread ? `Thông báo (${unread} chưa đọc)` : 'Thông báo'}>
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Text fw={600} size="sm" mb="xs">Thông báo</Text>
        <ScrollArea.Autosize mah={360}>
          {data?.items.length ? (
            <Stack gap={4}>
              {data.items.map((n) => (
                <UnstyledButton key={n.id} onClick={() => open(n)} p={6} style={{ borderRadius: 4, background: n.readAt ? undefined : 'var(--mantine-color-blue-0)' }}>
                  <Text size="sm" fw={n.readAt ? 400 : 600}>{n.title}</Text>
                  {n.body ? <Text size="xs" c="dimmed">{n.body}</Text> : null}
                  <Text size="xs" c="dimmed">{formatDateTimeVi(n.createdAt)}</Text>
                </UnstyledButton>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">Chưa có thông báo nào.</Text>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const can = (p: string) => hasPermission(me, p);
  const items: TNavItem[] = [
    { to: '/', label: 'Tổng quan', show: true },
    { to: '/don-vi', label: 'Đơn vị', show: can('unit.read') },
    { to: '/cum-khoi', label: 'Cụm/khối thi đua', show: can('cluster.read') },
    { to: '/can-bo', label: 'Cán bộ', show: can('person.read') },
    { to: me.personId && !can('person.read') ? `/can-bo/${me.personId}` : '', label: 'Hồ sơ của tôi', show: !!me.personId && !can('person.read') },
    { to: '/ke-hoach', label: 'Kế hoạch, phong trào', show: can('plan.read') },
    { to: '/xet-khen-thuong', label: 'Xét điều kiện khen thưởng', show: can('commendation.read') },
    { to: '/dang-ky-thi-dua', label: 'Đăng ký thi đua', show: can('report.read') || !!me.personId },
    { to: '/sang-kien', label: can('report.read') ? 'Sáng kiến' : 'Sáng kiến của tôi', show: can('report.read') || !!me.personId },
    { to: '/giao-uoc', label: 'Giao ước thi đua', show: can('report.read') },
    { to: '/truyen-thong', label: 'Truyền thông', show: can('report.read') },
    { to: '/dien-hinh', label: 'Điển hình tiên tiến', show: can('report.read') },
    { to: '/danh-gia', label: 'Đánh giá, xếp hạng', show: can('assessment.read') },
    { to: '/de-nghi', label: 'Đề nghị khen thưởng', show: can('commendation.read') || !!me.personId },
    { to: '/binh-xet', label: 'Bình xét', show: can('commendation.read') || can('review.vote') },
    { to: '/ho-so-khen-thuong', label: 'Hồ sơ khen thưởng', show: can('commendation.read') || !!me.personId },
    { to: '/quy-dinh', label: 'Bộ quy tắc', show: can('rules.manage') },
    { to: '/bao-cao', label: 'Báo cáo định kỳ', show: can('report.read') || can('report.write') },
    { to: '/van-ban', label: 'Văn bản', show: can('document.read') },
    { to: '/doc-van-ban', label: 'Đọc văn bản', show: can('plan.write') },
    { to: '/nhap-du-lieu', label: 'Nhập dữ liệu', show: can('person.import') || can('unit.structure') },
    { to: '/tai-khoan', label: 'Tài khoản', show: can('user.manage') },
    { to: '/nhat-ky', label: 'Nhật ký', show: can('audit.read') },
  ];
  const isActive = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname === to || location.pathname.startsWith(to + '/'));
  const initials = (me.fullName.split(/\s+/).slice(-1)[0]?.slice(0, 1) ?? '?').toUpperCase();

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Đóng danh mục' : 'Mở danh mục'} />
            <Text component={Link} to="/" fw={700} c="blue.8" truncate>Thi đua – Khen thưởng</Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <Menu position="bottom-end" shadow="md" width={220}>
              <Menu.Target>
                <UnstyledButton aria-label={`Tài khoản: ${me.fullName}`}>
                  <Group gap={6} wrap="nowrap">
                    <Avatar size="sm" color="blue" radius="xl">{initials}</Avatar>
                    <Text size="sm" visibleFrom="sm" truncate maw={160}>{me.fullName}</Text>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me.roles.map((r) => `${r.roleLabel} – ${r.unitName}`).join('; ') || me.username}</Menu.Label>
                <Menu.Item onClick={() => navigate('/doi-mat-khau')}>Đổi mật khẩu</Menu.Item>
                <Menu.Item color="red" onClick={() => { void signOut().then(() => navigate('/')); }}>Đăng xuất</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Danh mục chính">
        {items.filter((i) => i.show).map((i) => (
          <NavLink key={i.label} component={Link} to={i.to} label={i.label} active={isActive(i.to)} onClick={close} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
