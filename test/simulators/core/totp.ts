import { createHmac } from 'crypto';

/**
 * The code an authenticator app shows for a base32 secret at a 30-second step (RFC 6238: HMAC-SHA1,
 * dynamic truncation, 6 digits). Kept apart from the product's own code so a shared mistake cannot pass.
 */
export function totp(base32Secret: string, step: number): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let value = 0;
	let bits = 0;
	const bytes: number[] = [];
	for (const char of base32Secret.toUpperCase()) {
		value = (value << 5) | alphabet.indexOf(char);
		bits += 5;
		if (bits >= 8) {
			bytes.push((value >>> (bits - 8)) & 0xff);
			bits -= 8;
		}
	}
	const message = Buffer.alloc(8);
	message.writeUInt32BE(Math.floor(step / 2 ** 32), 0);
	message.writeUInt32BE(step % 2 ** 32, 4);
	const hash = createHmac('sha1', Buffer.from(bytes)).update(message).digest();
	const start = hash[19] & 0xf;
	const number =
		((hash[start] & 0x7f) << 24) |
		(hash[start + 1] << 16) |
		(hash[start + 2] << 8) |
		hash[start + 3];
	return String(number % 1_000_000).padStart(6, '0');
}
