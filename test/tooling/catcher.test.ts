import { smtpCredential, startCatcher } from '../../tooling/catcher';
import { sendMail } from './smtpClient';

const MESSAGE = [
	'From: "Chaser demo" <n8n@example.com>',
	'To: credit-control@example.com',
	'Subject: Overdue invoices: 2 (GBP 1,358.86)',
	'Date: Fri, 04 Dec 2026 08:00:00 +0000',
	'MIME-Version: 1.0',
	'Content-Type: multipart/alternative; boundary="b1"',
	'',
	'--b1',
	'Content-Type: text/plain; charset=utf-8',
	'',
	'2 invoices are overdue.',
	'.a line that starts with a dot',
	'--b1',
	'Content-Type: text/html; charset=utf-8',
	'',
	'<p>2 invoices are overdue: <b>GBP 1,358.86</b></p><script>alert(1)</script>',
	'--b1--',
].join('\r\n');

/** The catcher of `npm start` and the e2e tests, in-process: SMTP in, chat webhook in, inbox page and JSON out. */
describe('tooling/catcher', () => {
	let catcher: Awaited<ReturnType<typeof startCatcher>>;
	const lines: string[] = [];

	beforeAll(async () => {
		catcher = await startCatcher({ port: 0, logger: (line: string) => lines.push(line) });
	});
	afterAll(async () => {
		await catcher.close();
	});
	beforeEach(() => catcher.clear());

	const get = async (path: string) => {
		const response = await fetch(`http://127.0.0.1:${catcher.httpPort}${path}`);
		return { status: response.status, headers: response.headers, text: await response.text() };
	};
	const postChat = async (body: string) => {
		const response = await fetch(catcher.chatWebhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
		return { status: response.status, text: await response.text() };
	};

	it('listens on two loopback ports and says where', () => {
		expect(catcher.smtpPort).toBeGreaterThan(0);
		expect(catcher.httpPort).toBeGreaterThan(0);
		expect(catcher.smtpPort).not.toBe(catcher.httpPort);
		expect(catcher.inboxUrl).toBe(`http://127.0.0.1:${catcher.httpPort}/`);
		expect(catcher.chatWebhookUrl).toBe(`http://127.0.0.1:${catcher.httpPort}/hooks/chat`);
		expect(smtpCredential({ id: 'x', name: 'SMTP', smtpPort: catcher.smtpPort })).toEqual({
			id: 'x',
			name: 'SMTP',
			type: 'smtp',
			data: { user: '', password: '', host: '127.0.0.1', port: catcher.smtpPort, secure: false, disableStartTls: true, hostName: '' },
		});
	});

	it('keeps a mail sent without login, parsed: from, to, subject, date, text and HTML', async () => {
		const { replies, ehlo } = await sendMail({ port: catcher.smtpPort, from: 'n8n@example.com', to: ['credit-control@example.com'], message: MESSAGE });
		expect(replies.map((reply) => reply.code)).toEqual([220, 250, 250, 250, 354, 250, 221]);
		expect(ehlo).not.toContain('STARTTLS');
		expect(ehlo).toContain('AUTH PLAIN LOGIN');

		const [mail] = catcher.messages();
		expect(catcher.messages()).toHaveLength(1);
		expect(mail).toMatchObject({
			envelope: { mailFrom: 'n8n@example.com', rcptTo: ['credit-control@example.com'] },
			authenticatedAs: null,
			from: [{ name: 'Chaser demo', address: 'n8n@example.com' }],
			to: [{ name: '', address: 'credit-control@example.com' }],
			subject: 'Overdue invoices: 2 (GBP 1,358.86)',
			date: '2026-12-04T08:00:00.000Z',
		});
		expect(mail.text).toContain('2 invoices are overdue.\n.a line that starts with a dot');
		expect(mail.html).toContain('<b>GBP 1,358.86</b>');
		expect(lines).toContain(`mail ${mail.id} to credit-control@example.com: Overdue invoices: 2 (GBP 1,358.86)`);
	});

	it('accepts AUTH PLAIN with any password, as from an SMTP credential that has a user', async () => {
		const { replies } = await sendMail({
			port: catcher.smtpPort,
			from: 'a@example.com',
			to: ['b@example.com', 'c@example.com'],
			message: 'Subject: with login\r\n\r\nhello',
			auth: { user: 'demo', pass: 'anything' },
		});
		expect(replies.map((reply) => reply.code)).toEqual([220, 250, 235, 250, 250, 250, 354, 250, 221]);
		expect(catcher.messages()[0]).toMatchObject({ authenticatedAs: 'demo', subject: 'with login', envelope: { rcptTo: ['b@example.com', 'c@example.com'] } });
	});

	it('refuses every connection with 421 while down, and keeps mail again once up', async () => {
		catcher.setSmtpDown(true);
		const down = await sendMail({ port: catcher.smtpPort, from: 'a@example.com', to: ['b@example.com'], message: 'Subject: lost\r\n\r\nx' });
		expect(down.replies).toEqual([{ code: 421, text: expect.stringContaining('Mail catcher is down') }]);
		expect(catcher.messages()).toEqual([]);

		catcher.setSmtpDown(false);
		const up = await sendMail({ port: catcher.smtpPort, from: 'a@example.com', to: ['b@example.com'], message: 'Subject: kept\r\n\r\nx' });
		expect(up.replies.at(-2)?.code).toBe(250);
		expect(catcher.messages().map((mail) => mail.subject)).toEqual(['kept']);
	});

	it('chat webhook: {text} → 200 "ok", kept newest first; no text → 400 invalid_payload; failure switch → that status, nothing kept', async () => {
		expect(await postChat(JSON.stringify({ text: 'first' }))).toEqual({ status: 200, text: 'ok' });
		expect(await postChat(JSON.stringify({ text: 'second', username: 'n8n' }))).toEqual({ status: 200, text: 'ok' });
		expect(await postChat(JSON.stringify({ message: 'no text' }))).toEqual({ status: 400, text: 'invalid_payload' });
		expect(await postChat('not json')).toEqual({ status: 400, text: 'invalid_payload' });

		catcher.setChatFailure(500);
		expect((await postChat(JSON.stringify({ text: 'while failing' }))).status).toBe(500);
		catcher.setChatFailure(null);
		expect(() => catcher.setChatFailure(200)).toThrow();

		expect(catcher.chats().map((chat) => chat.text)).toEqual(['second', 'first']);
		expect(catcher.chats()[0].payload).toEqual({ text: 'second', username: 'n8n' });
		expect(catcher.chatAttempts().map((attempt) => [attempt.status, attempt.text])).toEqual([
			[500, 'while failing'],
			[400, 'not json'],
			[400, '{"message":"no text"}'],
			[200, 'second'],
			[200, 'first'],
		]);
	});

	it('serves the inbox page, JSON of both kinds and each HTML body in a sandbox, escaping what it shows', async () => {
		await sendMail({ port: catcher.smtpPort, from: 'n8n@example.com', to: ['credit-control@example.com'], message: MESSAGE });
		await postChat(JSON.stringify({ text: ':moneybag: <b>Acme</b> paid GBP 1,200.00' }));
		const [mail] = catcher.messages();

		const page = await get('/');
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toContain('text/html');
		expect(page.text).toContain('Overdue invoices: 2 (GBP 1,358.86)');
		expect(page.text).toContain('n8n@example.com');
		expect(page.text).toContain('credit-control@example.com');
		expect(page.text).toContain(':moneybag: &lt;b&gt;Acme&lt;/b&gt; paid GBP 1,200.00');
		expect(page.text).not.toContain('<script>alert(1)</script>');
		expect(page.text).toContain(`href="/messages/${mail.id}.html"`);

		const messages = await get('/api/messages');
		expect(JSON.parse(messages.text)).toEqual([mail]);
		const chats = await get('/api/chat');
		expect(JSON.parse(chats.text).map((chat: { text: string }) => chat.text)).toEqual([':moneybag: <b>Acme</b> paid GBP 1,200.00']);

		const html = await get(`/messages/${mail.id}.html`);
		expect(html.status).toBe(200);
		expect(html.headers.get('content-security-policy')).toMatch(/^sandbox;/);
		expect(html.text).toContain('<b>GBP 1,358.86</b>');
		expect((await get('/messages/m999999.html')).status).toBe(404);

		const cleared = await fetch(`http://127.0.0.1:${catcher.httpPort}/api/messages`, { method: 'DELETE' });
		expect(cleared.status).toBe(200);
		expect(catcher.messages()).toEqual([]);
		expect(catcher.chats()).toHaveLength(1);
	});
});
