// Build helpers: `clean` empties dist/ so deleted sources leave nothing stale behind;
// `build:icons` copies the node and credential icons next to the compiled files, where n8n looks for `file:` icons.
const fs = require('fs');
const path = require('path');
const { task, src, dest, parallel } = require('gulp');

task('clean', (done) => {
	fs.rmSync(path.resolve('dist'), { recursive: true, force: true });
	done();
});

const copyIcons = (from, to) => () =>
	src(path.resolve(from, '**', '*.{png,svg}'), { encoding: false }).pipe(dest(path.resolve('dist', to)));

task('build:icons', parallel(copyIcons('nodes', 'nodes'), copyIcons('credentials', 'credentials')));
