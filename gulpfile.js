const { src, dest } = require('gulp');

// tsc does not copy the SVG icons that nodes and credentials reference with `file:`.
function buildIcons() {
	return src(['icons/**/*.svg', 'nodes/**/*.svg', 'credentials/**/*.svg'], { base: '.' }).pipe(
		dest('dist'),
	);
}

exports['build:icons'] = buildIcons;
