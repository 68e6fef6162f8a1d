import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on 127.0.0.1 for tests (no TLS, any login accepted); `received` holds what it got, parsed. */
export async function startSmtp(port = 0) {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onAuth: (_auth, _session, cb) => cb(null, { user: 'ok' }),
    onData(stream, _session, cb) {
      simpleParser(stream).then((mail) => { received.push(mail); cb(); }, cb);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address() as { port: number };
  return { received, port: address.port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
