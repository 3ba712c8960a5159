// Hocuspocus with its SQLite extension, as its users run it, for the benchmark. Argument: the database file.
import { SQLite } from '@hocuspocus/extension-sqlite'
import { Server } from '@hocuspocus/server'

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, extensions: [new SQLite({ database: process.argv[2] ?? ':memory:' })] })
await server.listen()
const address = server.httpServer.address()
const port = typeof address === 'object' && address ? address.port : 0
console.log(`READY ${JSON.stringify({ url: `ws://127.0.0.1:${port}` })}`)
process.on('SIGTERM', () => void server.destroy().then(() => process.exit(0)))
