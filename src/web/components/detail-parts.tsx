// The top of a detail page (back link to its list, title with the page's actions, status badge and a
// line of facts) and the busy/error state of a page's buttons.
import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { PageTitle } from './ui';

export function DetailHeader({ back, title, actions, status, facts }: {
  back: { to: string; label: string };
  title: ReactNode;
  actions?: ReactNode;
  status?: { label: string; color: string };
  /** Short facts after the status, e.g. the unit and the date. */
  facts?: ReactNode;
}) {
  return (
    <div>
      <Anchor component={Link} to={back.to} size="sm">← {back.label}</Anchor>
      <PageTitle actions={actions}>{title}</PageTitle>
      {status || facts ? (
        <Group gap="xs" wrap="wrap" mt={-8}>
          {status ? <Badge variant="light" color={status.color} size="lg">{status.label}</Badge> : null}
          {facts ? <Text size="sm" component="div">{facts}</Text> : null}
        </Group>
      ) : null}
    </div>
  );
}

/**
 * Runs one action at a time: `busy` names the running one (for the button's spinner), `error` keeps
 * the last failure for an ErrorAlert. `run` resolves true when the action succeeded.
 */
export function useBusyAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (name: string, action: () => Promise<unknown>): Promise<boolean> => {
    setError(null);
    setBusy(name);
    try {
      await action();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, setError, run };
}
