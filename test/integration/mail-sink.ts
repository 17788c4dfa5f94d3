// A local SMTP server that keeps what it receives, for tests of e-mail reminders, and the decoded
// text of a raw message.
import { SMTPServer } from 'smtp-server';

export type TMailSink = { port: number; mails: { to: string[]; raw: string }[]; close: () => Promise<void> };

export async function startMailSink(): Promise<TMailSink> {
  const mails: TMailSink['mails'] = [];
  const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], onData(stream, session, cb) {
    let raw = '';
    stream.on('data', (d: Buffer) => { raw += d.toString('utf8'); });
    stream.on('end', () => { mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw }); cb(); });
  } });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const port = (smtp.server.address() as { port: number }).port;
  return { port, mails, close: () => new Promise<void>((r) => smtp.close(() => r())) };
}

/** The text part of a raw message (quoted-printable or base64). */
export function mailText(raw: string): string {
  const [, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/Content-Transfer-Encoding: base64/i.test(raw)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  const qp = body.replace(/=\r?\n/g, '');
  return Buffer.from(qp.replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}
