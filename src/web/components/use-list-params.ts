// The state of a server-paginated list kept in the URL (so a filtered page can be bookmarked or
// shared): search text (debounced before it reaches the server), page, and any filter parameters.
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';

export function useListParams() {
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(q, 300);
  const page = Number(params.get('page') ?? '1') || 1;
  /** Sets (or, for an empty value, removes) URL parameters without adding a history entry. */
  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) (v ? next.set(k, v) : next.delete(k));
    setParams(next, { replace: true });
  };
  return { params, q, setQ, debounced, page, update };
}
