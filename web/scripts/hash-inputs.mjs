// Writes build-inputs.sha256 into the build output: a hash of everything the build reads, so a
// .NET test (WebBuildTests) can tell, without npm, whether the committed wwwroot is up to date.
// Hash: SHA-256 over, for each input file in ordinal order of its path relative to web/ (with /),
// "<path>\n<sha256 hex of its bytes, CR LF read as LF>\n". Keep in step with WebBuildInputs.cs.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const roots = ['src', 'public', 'scripts'];
const files = ['index.html', 'package.json', 'package-lock.json', 'tsconfig.json', 'vite.config.ts'];

function walk(dir) {
  for (const name of readdirSync(join(web, dir))) {
    const path = join(dir, name);
    if (statSync(join(web, path)).isDirectory()) walk(path);
    else files.push(path);
  }
}
for (const r of roots) walk(r);

const list = files.map((f) => f.split(sep).join('/')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const outer = createHash('sha256');
for (const f of list) {
  const bytes = Buffer.from(readFileSync(join(web, f)).toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
  outer.update(`${f}\n${createHash('sha256').update(bytes).digest('hex')}\n`);
}
const digest = outer.digest('hex');
const out = join(web, '..', 'src', 'Parley.Server', 'wwwroot', 'build-inputs.sha256');
writeFileSync(out, `${digest}\n`);
console.log(`${relative(process.cwd(), out)}: ${digest} (${list.length} files)`);
