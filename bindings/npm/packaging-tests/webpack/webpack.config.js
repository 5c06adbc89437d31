// webpack 5 as a new project has it: no experiments, no loaders, no ocop settings.
import { fileURLToPath } from 'node:url';

export default {
  mode: 'production',
  entry: { main: './src/index.js', slim: './src/slim.js' },
  output: { path: fileURLToPath(new URL('dist', import.meta.url)), clean: true },
};
