import type { SealInfoView } from '../../shared/api-types.ts'

type ManifestFiles = SealInfoView['files']

/**
 * The file list of a manifest.json this server wrote. One that does not decode was changed behind
 * the app: it throws rather than show a seal page that lies.
 */
export function decodeManifestFiles(text: string): ManifestFiles {
  let manifest: unknown
  try {
    manifest = JSON.parse(text)
  } catch {
    throw new Error('manifest.json: not JSON')
  }
  const files = typeof manifest === 'object' && manifest !== null && 'files' in manifest ? manifest.files : undefined
  if (!Array.isArray(files)) throw new Error('manifest.json: no list of files')
  return files.map((file: unknown, index) => {
    if (typeof file !== 'object' || file === null || !('name' in file) || !('bytes' in file) || !('sha256' in file)) throw new Error(`manifest.json: file ${index} is not a file entry`)
    const { name, bytes, sha256 } = file
    if (typeof name !== 'string' || typeof bytes !== 'number' || typeof sha256 !== 'string') throw new Error(`manifest.json: file ${index} is not a file entry`)
    return { name, bytes, sha256 }
  })
}
