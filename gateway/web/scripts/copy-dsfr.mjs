// Copies the DSFR's built styles, fonts and icons next to the bundle, under /dsfr/: the web
// application and the dev issuer's sign-in page (served by the gateway, outside the bundle) link
// the same files.
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'node_modules', '@gouvfr', 'dsfr', 'dist');
const target = join(root, 'target', 'classes', 'static', 'dsfr');
mkdirSync(target, { recursive: true });
for (const part of ['dsfr.min.css', 'fonts', 'icons', 'utility/icons/icons.min.css', 'favicon']) {
  cpSync(join(dist, part), join(target, part), { recursive: true });
}
