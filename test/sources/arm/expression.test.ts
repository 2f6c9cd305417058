import { ExpressionSyntaxError, isExpressionString, literalString, parseExpression } from '../../../src/sources/arm/expression.js';

describe('ARM expression parser', () => {
  it('recognizes expressions and the [[ escape', () => {
    expect(isExpressionString("[parameters('a')]")).toBe(true);
    expect(isExpressionString('[[not]')).toBe(false);
    expect(literalString('[[not]')).toBe('[not]');
    expect(isExpressionString('[concat(')).toBe(false);
    expect(isExpressionString('plain')).toBe(false);
  });

  it('parses calls, literals, member and index chains', () => {
    expect(parseExpression("reference(resourceId('A.B/c', 'n')).subnets[0].id")).toEqual({
      k: 'member',
      name: 'id',
      obj: {
        k: 'index',
        index: { k: 'num', v: 0 },
        obj: {
          k: 'member', name: 'subnets',
          obj: { k: 'call', name: 'reference', args: [{ k: 'call', name: 'resourceId', args: [{ k: 'str', v: 'A.B/c' }, { k: 'str', v: 'n' }] }] },
        },
      },
    });
    expect(parseExpression(" concat( 'it''s' , -1, true, null ) ")).toEqual({
      k: 'call', name: 'concat', args: [{ k: 'str', v: "it's" }, { k: 'num', v: -1 }, { k: 'lit', v: true }, { k: 'lit', v: null }],
    });
    expect(parseExpression("variables('x')['key']")).toEqual({ k: 'index', obj: { k: 'call', name: 'variables', args: [{ k: 'str', v: 'x' }] }, index: { k: 'str', v: 'key' } });
    expect(parseExpression('ns.fn(1)')).toEqual({ k: 'call', name: 'ns.fn', args: [{ k: 'num', v: 1 }] });
    expect(parseExpression('true()')).toEqual({ k: 'call', name: 'true', args: [] });
  });

  it('rejects malformed text with a syntax error', () => {
    for (const bad of ["concat('a'", "concat('a' 'b')", "'open", 'a.b', 'f(1))', '']) {
      expect(() => parseExpression(bad)).toThrow(ExpressionSyntaxError);
    }
  });
});
