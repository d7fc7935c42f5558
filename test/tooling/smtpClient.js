'use strict';
// A few lines of SMTP client, only for test/tooling/catcher.test.ts: it speaks the protocol over a socket so the
// catcher's test needs no mail library of its own (n8n's real Send Email node covers sending in the e2e tests).
const net = require('net');

/**
 * Runs one SMTP conversation with the server on 127.0.0.1:`port`: greeting, EHLO, optional AUTH PLAIN, MAIL FROM,
 * RCPT TO for each of `to`, DATA with `message` (lines joined with CRLF, dot-stuffed), QUIT.
 * Resolves to { replies: [{ code, text }], ehlo: string } as soon as the server answers with an error (>= 400) or
 * the conversation is over; never rejects on SMTP errors, only on socket errors.
 *
 * @param {{ port: number, from: string, to: string[], message: string, auth?: { user: string, pass: string } }} options
 * @returns {Promise<{ replies: Array<{ code: number, text: string }>, ehlo: string }>}
 */
function sendMail({ port, from, to, message, auth }) {
	const commands = [
		'EHLO test.local',
		...(auth ? [`AUTH PLAIN ${Buffer.from(`\0${auth.user}\0${auth.pass}`).toString('base64')}`] : []),
		`MAIL FROM:<${from}>`,
		...to.map((address) => `RCPT TO:<${address}>`),
		'DATA',
		`${message
			.split(/\r?\n/)
			.map((line) => (line.startsWith('.') ? `.${line}` : line))
			.join('\r\n')}\r\n.`,
		'QUIT',
	];
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1');
		const replies = [];
		let ehlo = '';
		let buffer = '';
		let next = 0;
		let done = false;
		const finish = () => {
			if (done) return;
			done = true;
			socket.destroy();
			resolve({ replies, ehlo });
		};
		socket.setEncoding('utf8');
		socket.setTimeout(10000, () => finish());
		socket.on('error', (error) => (done ? undefined : reject(error)));
		socket.on('close', finish);
		socket.on('data', (chunk) => {
			buffer += chunk;
			// A reply ends with a line "NNN text" (a space after the code; "NNN-text" lines continue it).
			for (;;) {
				const end = buffer.search(/^\d{3} .*\r\n/m);
				if (end < 0) return;
				const lineEnd = buffer.indexOf('\r\n', end) + 2;
				const whole = buffer.slice(0, lineEnd);
				buffer = buffer.slice(lineEnd);
				const code = Number(whole.slice(end, end + 3));
				replies.push({ code, text: whole.trim() });
				if (commands[next - 1] === 'EHLO test.local') ehlo = whole;
				if (code >= 400 || next >= commands.length) return finish();
				socket.write(`${commands[next]}\r\n`);
				next += 1;
			}
		});
	});
}

module.exports = { sendMail };
