// The parts of a server-paginated list screen: the filter row (search box and selects bound to the URL
// through useListParams), and the table with its error, loading and empty states and the pager.
import { Anchor, Group, Select, Table, Text, TextInput } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { TPage } from '../api/types';
import type { TOption } from './options';
import { Empty, ErrorAlert, Loading, Pager } from './ui';
import type { useListParams } from './use-list-params';

type TListParams = ReturnType<typeof useListParams>;

/** The row of filters above a list; fields grow to fill it and wrap on small screens. */
export function ListFilters({ children, grow = true }: { children: ReactNode; grow?: boolean }) {
  return <Group grow={grow} preventGrowOverflow={false} wrap="wrap" mb="sm" align="flex-end">{children}</Group>;
}

/** The search box: typed text is debounced before it reaches the server; a new search starts at page 1. */
export function SearchFilter({ list, label, placeholder = 'Gõ không dấu cũng được', miw = 200 }: { list: TListParams; label: string; placeholder?: string; miw?: number }) {
  return (
    <TextInput label={label} placeholder={placeholder} value={list.q} miw={miw}
      onChange={(e) => { list.setQ(e.currentTarget.value); list.update({ q: e.currentTarget.value, page: '' }); }} />
  );
}

/** A select filter kept in the URL parameter `param`; empty means "Tất cả". */
export function SelectFilter({ list, param, label, data, miw = 160 }: { list: TListParams; param: string; label: string; data: TOption[]; miw?: number }) {
  const value = list.params.get(param) ?? '';
  return <Select label={label} placeholder="Tất cả" clearable value={value || null} miw={miw} data={data} onChange={(v) => list.update({ [param]: v ?? '', page: '' })} />;
}

export type TColumn<T> = {
  header: ReactNode;
  /** Text and numbers are shown as small text; anything else as it is. */
  cell: (row: T) => ReactNode;
};

/** The main cell of a row: a link to the item's page with a dimmed line under it. */
export function LinkCell({ to, children, sub }: { to: string; children: ReactNode; sub?: ReactNode }) {
  return (
    <>
      <Anchor component={Link} to={to} size="sm">{children}</Anchor>
      {sub ? <Text size="xs" c="dimmed">{sub}</Text> : null}
    </>
  );
}

/** One page of a list from the API: error, loading, "nothing here", the table, the pager. */
export function PagedTable<T extends { id: string }>({ query, list, label, empty, columns, minWidth, pageSize }: {
  query: UseQueryResult<TPage<T>>;
  /** The list's URL state (its page). */
  list: TListParams;
  /** The table's accessible name. */
  label: string;
  /** Shown when the page has no rows. */
  empty: ReactNode;
  columns: TColumn<T>[];
  minWidth: number;
  pageSize: number;
}) {
  const data = query.data;
  return (
    <>
      <ErrorAlert error={query.error} />
      {query.isPending ? <Loading /> : data && data.items.length === 0 ? <Empty>{empty}</Empty> : data ? (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table striped highlightOnHover aria-label={label}>
            <Table.Thead>
              <Table.Tr>{columns.map((c, i) => <Table.Th key={i}>{c.header}</Table.Th>)}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((row) => (
                <Table.Tr key={row.id}>
                  {columns.map((c, i) => {
                    const v = c.cell(row);
                    return <Table.Td key={i}>{typeof v === 'string' || typeof v === 'number' ? <Text size="sm">{v}</Text> : v}</Table.Td>;
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {data ? <Pager page={list.page} pageSize={pageSize} total={data.total} onChange={(p) => list.update({ page: String(p) })} /> : null}
    </>
  );
}
