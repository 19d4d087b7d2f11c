import { elasticCloudEnterpriseProfile as ece } from '../../credentials/vendors/elastic-cloud-enterprise';
import { immutaProfile as immuta } from '../../credentials/vendors/immuta';
import { stellarCyberProfile as stellar } from '../../credentials/vendors/stellar-cyber';
import { utmStackProfile as utm } from '../../credentials/vendors/utmstack';

/**
 * Each platform's error shapes as their sources show them (docs/provenance/<platform>.md, "Errors"), read into the text a
 * node shows: the platform's words, the field they are about, never a bare translation key.
 */
const answer = (body: unknown, headers: Record<string, unknown> = {}) => ({ body, headers });

describe('UTMStack', () => {
	test.each([
		[
			'a bean-validation problem (ExceptionTranslator, FieldErrorVM)',
			answer({
				type: 'https://www.jhipster.tech/problem/constraint-violation',
				title: 'Method argument not valid',
				status: 400,
				path: '/api/utm-incidents',
				message: 'error.validation',
				fieldErrors: [
					{
						objectName: 'newIncidentDTO',
						field: 'incidentName',
						message: 'Double quotes are not allowed',
					},
					{ objectName: 'newIncidentDTO', field: 'alertList', message: 'must not be null' },
				],
			}),
			'incidentName: Double quotes are not allowed; alertList: must not be null',
		],
		[
			'the same problem as unparsed application/problem+json text',
			answer(
				'{"title":"Method argument not valid","status":400,"message":"error.validation","fieldErrors":[{"objectName":"newIncidentDTO","field":"incidentName","message":"Double quotes are not allowed"}]}',
			),
			'incidentName: Double quotes are not allowed',
		],
		[
			'a BadRequestAlertException problem: its title, not its key',
			answer({
				type: 'https://www.jhipster.tech/problem/problem-with-message',
				title: 'Invalid id',
				status: 400,
				message: 'error.idnull',
				params: 'utmIncident',
			}),
			'Invalid id',
		],
		[
			'UtilResponse: no body, X-UtmStack-error (n8n lower-cases header names)',
			answer(null, {
				'x-utmstack-error': 'The incident must have at least one alert',
				'x-utmstack-params': '',
			}),
			'The incident must have at least one alert',
		],
	])('%s', (_, given, said) => expect(utm.errorText(given)).toBe(said));

	test("a translation key alone, or the reason phrase of Spring's own body, is not shown as what UTMStack said", () => {
		expect(utm.errorText(answer({ message: 'error.validation' }))).toBeUndefined();
		// the status says it ("UTMStack answered HTTP 405")
		expect(
			utm.errorText(
				answer({
					timestamp: '2026-12-05T00:00:00Z',
					status: 405,
					error: 'Method Not Allowed',
					path: '/api/x',
				}),
			),
		).toBeUndefined();
	});
});

describe('Elastic Cloud Enterprise (BasicFailedReply, ece-swagger.json)', () => {
	test('messages with the fields they name, and the codes', () => {
		// cloud-sdk-go pkg/multierror/testdata/multierror.json
		const given = answer({
			errors: [
				{
					code: 'auth.invalid_password',
					fields: ['body.password'],
					message: "request password doesn't match the user's password",
				},
				{
					code: 'clusters.cluster_plan_state_error',
					fields: null,
					message: 'There are running instances',
				},
			],
		});
		expect(ece.errorText(given)).toBe(
			"request password doesn't match the user's password (body.password); There are running instances",
		);
		expect(ece.errorCode?.(given)).toBe('auth.invalid_password, clusters.cluster_plan_state_error');
	});

	test("the code header alone when the body is not ECE's", () => {
		const given = answer('<html>Bad gateway</html>', {
			'x-cloud-error-codes': 'root.unauthenticated',
		});
		expect(ece.errorText(given)).toBe('root.unauthenticated');
		expect(ece.errorCode?.(given)).toBe('root.unauthenticated');
	});
});

describe('Immuta', () => {
	test.each([
		[
			'a 400 message (fh-immuta-utils reads it)',
			answer({ message: 'Tags overlap with existing hierarchies' }),
			'Tags overlap with existing hierarchies',
		],
		[
			'a 422 validation list (fh-immuta-utils reads validation[0].code)',
			answer({ validation: [{ code: 'unique' }] }),
			'The request is not valid (unique)',
		],
		[
			'a validation entry that names its path and says why (unattested, read when present)',
			answer({
				message: 'Invalid request',
				validation: [{ path: ['name'], code: 'unique', message: 'name must be unique' }],
			}),
			'Invalid request (name: name must be unique)',
		],
		['a text body', answer('Service Unavailable'), 'Service Unavailable'],
	])('%s', (_, given, said) => expect(immuta.errorText(given)).toBe(said));
});

describe('Stellar Cyber (no public source shows its error body: read as text, or its usual keys)', () => {
	test.each([
		['a JSON error', answer({ error: 'Case not found' }), 'Case not found'],
		[
			'an Elasticsearch error from the data API',
			answer({ error: { type: 'parse_exception', reason: 'Cannot parse query' } }),
			'Cannot parse query',
		],
		[
			'text, cut at 300 characters',
			answer(`Rate limit exceeded ${'x'.repeat(400)}`),
			`Rate limit exceeded ${'x'.repeat(280)}`,
		],
	])('%s', (_, given, said) => expect(stellar.errorText(given)).toBe(said));
});
