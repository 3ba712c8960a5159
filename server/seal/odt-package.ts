import { strToU8 } from 'fflate'
import { printable } from '../../shared/motion/printable.ts'
import { deterministicZip } from './deterministic-zip.ts'

// printable first: XML 1.0 forbids most control characters, and one would make content.xml unreadable.
export const odtXml = (text: string) => printable(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The namespaces every part of Plenum's OpenDocument texts declares. */
export const odtNamespaces =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" ' +
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"'

const manifestXml = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
`

/**
 * An OpenDocument text from its three XML parts. The mimetype entry comes first and uncompressed,
 * as ODF requires; every entry is dated `date`, so the same parts give the same bytes.
 */
export function odtPackage(parts: { readonly content: string; readonly styles: string; readonly meta: string }, date: string): Uint8Array {
  return deterministicZip(
    [
      { name: 'mimetype', data: strToU8('application/vnd.oasis.opendocument.text'), store: true },
      { name: 'META-INF/manifest.xml', data: strToU8(manifestXml) },
      { name: 'content.xml', data: strToU8(parts.content) },
      { name: 'styles.xml', data: strToU8(parts.styles) },
      { name: 'meta.xml', data: strToU8(parts.meta) },
    ],
    date,
  )
}
