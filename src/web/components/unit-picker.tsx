// A searchable unit chooser backed by GET /units?q= (the server searches without diacritics).
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, toQuery } from '../api/client';
import type { TPage, TUnit } from '../api/types';

export type TUnitOption = { id: string; name: string };

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: TUnitOption | null;
  onChange: (unit: TUnitOption | null) => void;
  /** Comma-separated unit kinds to offer. */
  kinds?: string;
  /** Leave out these unit ids (e.g. the unit itself). */
  exclude?: string[];
};

export function UnitPicker({ value, onChange, kinds, exclude, ...rest }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const typed = value && search === value.name ? '' : debounced;
  const { data, isFetching } = useQuery({
    queryKey: ['units', 'picker', typed, kinds ?? ''],
    queryFn: () => api.get<TPage<TUnit>>(`/units${toQuery({ q: typed, kind: kinds, status: 'active', pageSize: 30 })}`),
    staleTime: 30_000,
  });
  const options = new Map<string, string>();
  if (value) options.set(value.id, value.name);
  for (const u of data?.items ?? []) if (!exclude?.includes(u.id)) options.set(u.id, u.name);
  return (
    <Select
      searchable
      clearable
      placeholder="Gõ tên đơn vị để tìm"
      nothingFoundMessage={isFetching ? 'Đang tìm…' : 'Không có đơn vị phù hợp'}
      {...rest}
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? { id, name: options.get(id) ?? '' } : null)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
    />
  );
}
