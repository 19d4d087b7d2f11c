/**
 * Elasticsearch date values as range queries take them: epoch milliseconds, ISO dates, and date math
 * ("now-24h", "now/d", "2024-01-01||+1M/d"). Rounding goes down, or up to the unit's last millisecond
 * for upper bounds (lte/gt), as Elasticsearch does.
 */

const UNIT_MS: Record<string, number> = {
	s: 1000,
	m: 60_000,
	h: 3600_000,
	H: 3600_000,
	d: 86_400_000,
	w: 7 * 86_400_000,
};

function addUnits(date: Date, amount: number, unit: string): Date {
	const result = new Date(date.getTime());
	if (unit === 'y') result.setUTCFullYear(result.getUTCFullYear() + amount);
	else if (unit === 'M') result.setUTCMonth(result.getUTCMonth() + amount);
	else result.setTime(result.getTime() + amount * UNIT_MS[unit]);
	return result;
}

function roundDown(date: Date, unit: string): Date {
	const d = new Date(date.getTime());
	switch (unit) {
		case 'y':
			return new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
		case 'M':
			return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
		case 'w': {
			const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
			const sinceMonday = (day.getUTCDay() + 6) % 7;
			return new Date(day.getTime() - sinceMonday * 86_400_000);
		}
		case 'd':
			return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
		default:
			return new Date(d.getTime() - (d.getTime() % UNIT_MS[unit]));
	}
}

/** Epoch milliseconds, or undefined when the value is not a date. */
export function parseDateValue(value: unknown, nowMs: number, roundUp = false): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	if (/^\d{10,}$/.test(text)) return Number(text);
	let anchor: Date;
	let expression: string;
	if (text.startsWith('now')) {
		anchor = new Date(nowMs);
		expression = text.slice(3);
	} else {
		const [base, math = ''] = text.split('||');
		if (!/^\d{4}-\d{2}(-\d{2})?([T ][\d:.]+)?(Z|[+-]\d{2}:?\d{2})?$/.test(base)) return undefined;
		const parsed = Date.parse(/T|\s/.test(base) || base.length > 10 ? base : `${base}T00:00:00Z`);
		if (Number.isNaN(parsed)) return undefined;
		anchor = new Date(parsed);
		expression = math;
	}
	const step = /^([+-]\d+[yMwdhHms]|\/[yMwdhHms])/;
	let rest = expression;
	let date = anchor;
	while (rest !== '') {
		const match = step.exec(rest);
		if (!match) return undefined;
		const token = match[1];
		if (token.startsWith('/')) {
			const unit = token.slice(1);
			date = roundDown(date, unit);
			if (roundUp) date = new Date(addUnits(date, 1, unit).getTime() - 1);
		} else {
			const unit = token.slice(-1);
			date = addUnits(date, Number(token.slice(0, -1)), unit);
		}
		rest = rest.slice(token.length);
	}
	return date.getTime();
}
