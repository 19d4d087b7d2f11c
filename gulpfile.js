const { src, dest } = require('gulp');

// tsc copies neither the SVG icons that nodes and credentials reference with `file:` nor the nodes' codex
// (<Node>.node.json: categories and the aliases the node panel's search matches), which n8n reads beside each
// <Node>.node.js.
function buildIcons() {
	return src(['icons/**/*.svg', 'nodes/**/*.svg', 'credentials/**/*.svg', 'nodes/**/*.node.json'], {
		base: '.',
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
