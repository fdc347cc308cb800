// Builds the web app when web/dist is missing or older than its sources, so `npm start` on a fresh clone
// serves the UI without a separate build step, and a restart without changes starts at once.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'web/dist/index.html');

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, f) => Math.max(m, newest(join(path, f))), 0);
}

const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'web/public', 'common/src'].map((p) => newest(join(root, p)));
if (!existsSync(built) || statSync(built).mtimeMs < Math.max(...sources)) {
  console.log('Building the web app (first start or sources changed)…');
  execSync('npm run build -w @guanxi/web', { cwd: root, stdio: 'inherit' });
}
