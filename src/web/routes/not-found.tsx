import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';

export default function NotFoundPage() {
  return (
    <Stack align="flex-start">
      <Title order={2} size="h3">Không tìm thấy trang</Title>
      <Text>Địa chỉ này không có trong ứng dụng.</Text>
      <Button component={Link} to="/">Về Tổng quan</Button>
    </Stack>
  );
}
