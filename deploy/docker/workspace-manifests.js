// Used by the Dockerfile's `manifests` stage: copies what `npm ci` reads — the
// root package.json, package-lock.json, .npmrc if any, and the package.json of
// every workspace the root lists — into <out>, keeping their paths. The install
// layer then depends on these files alone, so editing source does not
// reinstall node_modules. Workspaces come from package.json itself, so adding
// a library or service needs no change here.
//
//   node deploy/docker/workspace-manifests.js <out>
const fs = require('node:fs');
const path = require('node:path');

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: node deploy/docker/workspace-manifests.js <out>\n');
  process.exit(2);
}

const root = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const patterns = Array.isArray(root.workspaces) ? root.workspaces : (root.workspaces?.packages ?? []);
const files = ['package.json', 'package-lock.json'];
if (fs.existsSync('.npmrc')) files.push('.npmrc');
for (const pattern of patterns) {
  const found = fs.globSync(`${pattern}/package.json`);
  if (found.length === 0) {
    process.stderr.write(`workspace-manifests: no package.json matches workspace "${pattern}"\n`);
    process.exit(1);
  }
  files.push(...found);
}

for (const file of files) {
  const target = path.join(out, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(file, target);
}
process.stdout.write(`workspace-manifests: copied ${files.length} files to ${out}\n`);
