import { parseAst } from 'rolldown/parseAst'
import { describe, expect, test } from 'vitest'
import { reassignedInFunctions } from '../../vite/reassigned.ts'

const reassigned = (code: string) => [...reassignedInFunctions(parseAst(code) as never)].sort()

/**
 * The app's script hands what the other scripts share over as a copy (vite/app-bridge.ts): the
 * build must refuse a shared binding that a function assigns later, and only those.
 */
describe('the module-level names a function assigns', () => {
  test('assignments, updates, destructuring and loop heads inside functions count', () => {
    expect(reassigned('var a=1,b=2,c=3,d=4,e=5;function f(){a=2}const g=()=>{b++};function h(){[c]=[1]}function i(){for(d of [1]);}function j(){({x:e}={x:1})}')).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
    ])
    expect(reassigned('var a;function f(){a??=1}')).toEqual(['a'])
  })

  test('the top of the module runs once, before it is handed over, and an inner variable of the same name is not the module’s', () => {
    expect(reassigned('var a=1;a=2;for(var i=0;i<2;i++);')).toEqual([])
    expect(reassigned('var a=1;function f(a){a=2}function g(){var a;a=3}function h(){{let a;a=4}}const k=(e)=>{try{}catch(a){a=5}};class C{m(){let a=6;a++}}')).toEqual([])
    // A block's own let hides the module's name inside that block only.
    expect(reassigned('var a=1;function f(){{let a;a=2}a=3}')).toEqual(['a'])
    // In a module a function declared in a block is the block's, and an instance field's initialiser runs at each `new`.
    expect(reassigned('var a=1;function f(){{function a(){}}a=2}')).toEqual(['a'])
    expect(reassigned('var a=1,b=1;class C{f=(a=2);static g=(b=3)}')).toEqual(['a'])
  })
})
