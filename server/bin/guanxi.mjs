#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so there is no build step between `npm install` and `npx guanxi`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
