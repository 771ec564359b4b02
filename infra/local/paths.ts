import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, from which manifest and definition module paths are resolved. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where `npm start` keeps what must survive a restart: the database, the dev key, stream checkpoints. */
export const DEFAULT_DATA_DIR = resolve(PROJECT_ROOT, '.data');
