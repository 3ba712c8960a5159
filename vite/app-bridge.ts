import { parseAst } from 'rolldown/parseAst'
import type { Plugin } from 'vite'
import { reassignedInFunctions } from './reassigned.ts'

/** Where the app's script leaves what the other scripts take from it (see appBridge). */
export const appGlobal = '__plenumApp'

interface Range {
  readonly start: number
  readonly end: number
}

/** Replaces the given ranges of `code`, from the last so that the earlier ranges stay valid. */
function splice(code: string, edits: readonly (Range & { readonly text: string })[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((text, edit) => text.slice(0, edit.start) + edit.text + text.slice(edit.end), code)
}

/** The name an import or export specifier's side holds (an identifier, or a string such as `"default"`). */
function nameOf(node: { type: string; name?: string; value?: unknown }): string {
  return node.type === 'Identifier' ? node.name! : String(node.value)
}

/**
 * Lets the server send the app's script inside a phone's first page (server/static-client.ts): one
 * round trip on the hall's Wi-Fi instead of two, 2 s apiece on slow 3G. A script inside a page has
 * no address, so the other scripts (the pages', the editor's, English's) could not import it: they
 * would load it again from its file, a second app beside the first. So the app's script hands what
 * they share over in one object (`globalThis.__plenumApp`), whichever way it came, and they take it
 * from there; its own imports of them are made absolute, since a script inside the page resolves
 * `./pages-….js` against the page's address.
 *
 * What is handed over is read once, when a script arrives: the build fails if the app's script
 * shares a binding that one of its functions assigns, whose changes an import would have followed
 * and a copy would not.
 */
export function appBridge(): Plugin {
  let assetsBase = '/assets/'
  return {
    name: 'plenum-app-bridge',
    apply: 'build',
    configResolved(config) {
      if (!config.base.startsWith('/')) throw new Error(`base ${config.base}: a script inside a page needs the assets' absolute paths`)
      assetsBase = `${config.base}${config.build.assetsDir}/`.replace(/\/{2,}/g, '/')
    },
    generateBundle: {
      // After Vite's own import analysis, which lists each import()'s script and styles to load
      // with it (`__vite__mapDeps`) from the relative paths this rewrites.
      order: 'post',
      handler(_options, bundle) {
        const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []))
        const entry = chunks.find((chunk) => chunk.isEntry)
        if (!entry) return
        const entryName = entry.fileName.slice(entry.fileName.lastIndexOf('/') + 1)
        const chunkNames = new Set(chunks.map((chunk) => chunk.fileName.slice(chunk.fileName.lastIndexOf('/') + 1)))

        // The app's script: what it shares becomes one object, and its imports absolute paths.
        const program = parseAst(entry.code)
        const mutable = reassignedInFunctions(program as never)
        const edits: (Range & { text: string })[] = []
        const exports = program.body.filter((statement) => statement.type === 'ExportNamedDeclaration')
        if (exports.length > 1 || (exports.length === 1 && program.body.at(-1) !== exports[0])) {
          this.error(`${entry.fileName}: its shared bindings must be handed over by one export, its last statement, after all its code ran`)
        }
        for (const statement of program.body) {
          if (statement.type === 'ImportDeclaration') this.error(`${entry.fileName} imports ${statement.source.value}: the app's script must stand alone`)
          if (statement.type !== 'ExportNamedDeclaration') continue
          if (statement.declaration || statement.source) this.error(`${entry.fileName}: an export the bridge does not know`)
          const shared = statement.specifiers.map((specifier) => {
            const local = nameOf(specifier.local)
            if (mutable.has(local)) this.error(`${entry.fileName} shares ${local}, which its functions assign: the other scripts would read a stale copy`)
            return `${JSON.stringify(nameOf(specifier.exported))}:${local}`
          })
          edits.push({ start: statement.start, end: statement.end, text: `globalThis.${appGlobal}=Object.freeze({${shared.join(',')}});` })
        }
        let code = splice(entry.code, edits)
        code = code.replace(/import\((["'`])\.\/([\w.-]+\.js)\1\)/g, (whole, quote: string, name: string) => (chunkNames.has(name) ? `import(${quote}${assetsBase}${name}${quote})` : whole))
        if (/["'`]\.\.?\/[\w.-]+\.js["'`]/.test(code)) this.error(`${entry.fileName} still names a script by a relative path`)
        entry.code = code

        // The other scripts: their import of the app's script becomes a read of the object.
        for (const chunk of chunks) {
          if (chunk === entry) continue
          const imports = parseAst(chunk.code).body.flatMap((statement) =>
            statement.type === 'ImportDeclaration' && statement.source.value === `./${entryName}` ? [statement] : [],
          )
          if (imports.length === 0) continue
          chunk.code = splice(
            chunk.code,
            imports.map((statement) => {
              const names = statement.specifiers.map((specifier) => {
                if (specifier.type !== 'ImportSpecifier') this.error(`${chunk.fileName}: an import of the app's script the bridge does not know`)
                return `${JSON.stringify(nameOf(specifier.imported))}:${specifier.local.name}`
              })
              return { start: statement.start, end: statement.end, text: `const{${names.join(',')}}=globalThis.${appGlobal};` }
            }),
          )
          if (chunk.code.includes(entryName)) this.error(`${chunk.fileName} still names ${entryName}`)
        }
      },
    },
  }
}
