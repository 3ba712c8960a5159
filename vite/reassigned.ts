/** An ESTree node, as far as a walk needs it. */
interface AnyNode {
  readonly type: string
  readonly [key: string]: unknown
}

const isNode = (value: unknown): value is AnyNode => typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
const isFunction = (node: AnyNode) => node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression'

function children(node: AnyNode): AnyNode[] {
  return Object.entries(node).flatMap(([key, value]) => (key === 'type' ? [] : Array.isArray(value) ? value.filter(isNode) : isNode(value) ? [value] : []))
}

/** The names a binding or assignment pattern writes: `a`, `{b, c: d}`, `[e = 1, ...f]`. */
function patternNames(node: AnyNode | null | undefined): string[] {
  if (!node) return []
  switch (node.type) {
    case 'Identifier':
      return [node.name as string]
    case 'ObjectPattern':
      return (node.properties as AnyNode[]).flatMap((p) => patternNames(p.type === 'RestElement' ? (p.argument as AnyNode) : (p.value as AnyNode)))
    case 'ArrayPattern':
      return (node.elements as (AnyNode | null)[]).flatMap((e) => patternNames(e))
    case 'AssignmentPattern':
      return patternNames(node.left as AnyNode)
    case 'RestElement':
      return patternNames(node.argument as AnyNode)
    default:
      return [] // a member expression: writes no variable
  }
}

/**
 * The var declarations of a function's body, not those of the functions inside it, and the
 * functions declared at the body's top (in a module, one declared in a block is the block's).
 */
function hoisted(node: AnyNode, names: Set<string>, top = true): void {
  for (const child of children(node)) {
    if (child.type === 'VariableDeclaration' && child.kind === 'var') for (const d of child.declarations as AnyNode[]) for (const n of patternNames(d.id as AnyNode)) names.add(n)
    if (top && child.type === 'FunctionDeclaration' && child.id) names.add((child.id as AnyNode).name as string)
    if (!isFunction(child)) hoisted(child, names, false)
  }
}

/** The let, const and class declarations directly in a block or a loop's head. */
function lexical(node: AnyNode): string[] {
  const statements = node.type === 'BlockStatement' || node.type === 'StaticBlock' ? (node.body as AnyNode[]) : [node.init, node.left].filter(isNode)
  return statements.flatMap((s) =>
    s.type === 'VariableDeclaration' && s.kind !== 'var'
      ? (s.declarations as AnyNode[]).flatMap((d) => patternNames(d.id as AnyNode))
      : (s.type === 'ClassDeclaration' || s.type === 'FunctionDeclaration') && s.id
        ? [(s.id as AnyNode).name as string]
        : [],
  )
}

/**
 * The module-level names that code inside a function assigns (`x = …`, `x++`, `[x] = …`,
 * `for (x of …)`), found by scope: an inner variable of the same name is not the module's. Code at
 * the module's top runs once, when the module is evaluated, so its assignments are not counted.
 */
export function reassignedInFunctions(program: AnyNode): Set<string> {
  const found = new Set<string>()
  const visit = (node: AnyNode, shadowed: ReadonlySet<string> | undefined): void => {
    let inner = shadowed
    const shadow = (names: Iterable<string>) => (inner = new Set([...(inner ?? []), ...names]))
    if (isFunction(node)) {
      const names = new Set((node.params as AnyNode[]).flatMap((p) => patternNames(p)))
      if (node.type === 'FunctionExpression' && node.id) names.add((node.id as AnyNode).name as string)
      hoisted(node.body as AnyNode, names)
      shadow(names)
    } else if (inner && ['BlockStatement', 'StaticBlock', 'ForStatement', 'ForInStatement', 'ForOfStatement'].includes(node.type)) {
      shadow(lexical(node))
    } else if (inner && node.type === 'CatchClause') {
      shadow(patternNames(node.param as AnyNode))
    } else if (node.type === 'ClassExpression' && node.id) {
      shadow([(node.id as AnyNode).name as string])
    } else if (node.type === 'PropertyDefinition' && !node.static) {
      // An instance field's initialiser runs at each `new`, long after the module's top.
      shadow([])
    }
    if (inner) {
      const written =
        node.type === 'AssignmentExpression'
          ? patternNames(node.left as AnyNode)
          : node.type === 'UpdateExpression'
            ? patternNames(node.argument as AnyNode)
            : (node.type === 'ForInStatement' || node.type === 'ForOfStatement') && (node.left as AnyNode).type !== 'VariableDeclaration'
              ? patternNames(node.left as AnyNode)
              : []
      for (const name of written) if (!inner.has(name)) found.add(name)
    }
    for (const child of children(node)) visit(child, inner)
  }
  visit(program, undefined)
  return found
}
