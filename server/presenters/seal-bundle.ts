import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fail } from '../domain-error.ts'
import { query, type CommandActor } from '../commands/command.ts'
import { sealedFolder, type SealReadDeps } from './seal-info.ts'

/** A file to send as it is, with its type and the name it is saved under. */
export interface FileView {
  readonly bytes: Uint8Array<ArrayBuffer>
  readonly contentType: string
  readonly fileName: string
}

/** The whole sealed bundle, as one zip. */
export function sealBundle(deps: SealReadDeps, actor: CommandActor, input: { readonly congressId: string }) {
  const { congressId } = input
  return query(deps, actor, async (steps): Promise<FileView> => {
    await steps.authorize(congressId, 'seal.read')
    const paths = await sealedFolder(deps, congressId)
    return { bytes: readFileSync(paths.zip), contentType: 'application/zip', fileName: paths.zipName }
  })
}

const fileTypes: Readonly<Record<string, string>> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
  odt: 'application/vnd.oasis.opendocument.text',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  // Akoma Ntoso's own media type (OASIS LegalDocML), registered as application/akn+xml.
  xml: 'application/akn+xml',
  pem: 'application/x-pem-file',
  txt: 'text/plain; charset=utf-8',
  sig: 'application/octet-stream',
}
const bundleFile = /^(motion\.(json|html|md|pdf|odt|docx|akn\.xml)|(minutes|comparative)\.(md|pdf|odt|docx)|minutes\.en\.(md|pdf)|results\.json|board\.json|audit\.json|manifest\.json|manifest\.sig|public-key\.pem|VERIFY\.txt|SHA256SUMS(\.sig)?)$/

/** One file of the sealed bundle, by name. */
export function sealBundleFile(deps: SealReadDeps, actor: CommandActor, input: { readonly congressId: string; readonly file: string }) {
  const { congressId, file } = input
  return query(deps, actor, async (steps): Promise<FileView> => {
    await steps.authorize(congressId, 'seal.read')
    const notFound = () => fail('bundle_file_not_found', { file }, 'Ce fichier ne fait pas partie du dossier scellé.')
    if (!bundleFile.test(file)) throw notFound()
    const paths = await sealedFolder(deps, congressId)
    // manifest.sig only exists in bundles sealed before SHA256SUMS was signed (plenum-bundle/1).
    if (!existsSync(join(paths.folder, file))) throw notFound()
    return { bytes: readFileSync(join(paths.folder, file)), contentType: fileTypes[file.split('.').at(-1) ?? ''] ?? 'text/plain; charset=utf-8', fileName: file }
  })
}
