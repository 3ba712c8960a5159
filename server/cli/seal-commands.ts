import { readFileSync } from 'node:fs'
import { readKeys, loadOrCreateKeys } from '../seal/keys.ts'
import { readBundle, verifyBundle } from '../seal/verify-bundle.ts'
import { UsageError, type CommonOptions } from './args.ts'
import { CommandError } from './governance-commands.ts'

/** `plenum key show`: the seal's public key and its fingerprint (created on first use, like the server does). */
export function keyShowCommand(options: CommonOptions): void {
  const keys = readKeys(options.dataDir) ?? loadOrCreateKeys(options.dataDir)
  if (options.json) console.log(JSON.stringify({ fingerprint: keys.fingerprint, publicKeyPem: keys.publicKeyPem }))
  else console.log(`Empreinte SHA-256 / SHA-256 fingerprint: ${keys.fingerprint}\n\n${keys.publicKeyPem.trim()}`)
}

/** `plenum verify BUNDLE [--key PEM]`: exit 0 with a summary, 1 naming the first thing that fails. */
export function verifyCommand(path: string | undefined, options: CommonOptions): void {
  if (!path) throw new UsageError('verify needs a bundle: its folder or its zip')
  let key: string | undefined
  if (options.key) {
    try {
      key = readFileSync(options.key, 'utf8')
    } catch (error) {
      throw new CommandError(`cannot read ${options.key}: ${(error as Error).message}`)
    }
  }
  let files
  try {
    files = readBundle(path)
  } catch (error) {
    throw new CommandError(`cannot read the bundle: ${(error as Error).message}`)
  }
  const result = verifyBundle(files, key)
  if (options.json) console.log(JSON.stringify(result))
  if (!result.ok) {
    if (!options.json) for (const line of result.summary) console.log(`ok  ${line}`)
    throw new CommandError(`FAILED: ${result.failure}`)
  }
  if (!options.json) {
    for (const line of result.summary) console.log(`ok  ${line}`)
    console.log('Bundle verified.')
    // Said last and plainly: a bundle signed by anyone passes with its own key inside.
    if (result.key?.source === 'bundled') {
      console.log(`WARNING: no --key given, so this trusted the key inside the bundle (fingerprint ${result.key.fingerprint}).`)
      console.log('Compare it with the fingerprint Plenum published (the seal page, `plenum key show`, /api/keys/public), or run again with --key published-key.pem.')
    }
  }
}
