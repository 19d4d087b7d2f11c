import { createHmac } from 'crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The key an authenticator app holds: the base32 text shown at set-up (spaces, dashes and padding ignored). */
export function base32Key(secret: string): Buffer | undefined {
	const text = secret.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
	if (text === '' || /[^A-Z2-7]/.test(text)) return undefined;
	let bits = '';
	for (const char of text) bits += BASE32.indexOf(char).toString(2).padStart(5, '0');
	const bytes: number[] = [];
	for (let at = 0; at + 8 <= bits.length; at += 8) bytes.push(parseInt(bits.slice(at, at + 8), 2));
	return Buffer.from(bytes);
}

/** RFC 6238 with the authenticator apps' settings: HMAC-SHA1, 30-second steps, 6 digits. */
export function totpCode(key: Buffer, nowMs: number, digits = 6, stepSeconds = 30): string {
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(Math.floor(nowMs / 1000 / stepSeconds)));
	const mac = createHmac('sha1', key).update(counter).digest();
	const offset = mac[mac.length - 1] & 0x0f;
	const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
	return String(value).padStart(digits, '0');
}
