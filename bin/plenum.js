#!/usr/bin/env node
// The plenum command. The sources are TypeScript; tsx compiles them on load, so there is no build step for the server.
import { register } from 'tsx/esm/api'

register()
await import('../server/cli/main.ts')
