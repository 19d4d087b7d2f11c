import { generate } from 'selfsigned';

export interface Certificate {
	key: string;
	cert: string;
}

let cached: Promise<Certificate> | undefined;

/**
 * A self-signed certificate for 127.0.0.1, ::1 and localhost, made once per process (RSA generation takes
 * a moment) and shared by every HTTPS simulator. Clients that verify certificates must refuse it.
 */
export async function selfSignedCertificate(): Promise<Certificate> {
	cached ??= generate([{ name: 'commonName', value: 'localhost' }], {
		keySize: 2048,
		algorithm: 'sha256',
		notBeforeDate: new Date(Date.now() - 60_000),
		notAfterDate: new Date(Date.now() + 30 * 24 * 3600_000),
		extensions: [
			{ name: 'basicConstraints', cA: false },
			{ name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
			{ name: 'extKeyUsage', serverAuth: true },
			{
				name: 'subjectAltName',
				altNames: [
					{ type: 2, value: 'localhost' },
					{ type: 7, ip: '127.0.0.1' },
					{ type: 7, ip: '::1' },
				],
			},
		],
	}).then((pems) => ({ key: pems.private, cert: pems.cert }));
	return await cached;
}
