import { Unknown } from '../../../src/model/symbolic.js';
import { callTerraformFunction as call } from '../../../src/sources/terraform/functions.js';

/** Terraform's network functions, with the examples of the Terraform documentation. */
describe('terraform functions', () => {
  it('cidrsubnet', () => {
    expect(call('cidrsubnet', ['172.16.0.0/12', 4, 2])).toBe('172.18.0.0/16');
    expect(call('cidrsubnet', ['10.1.2.0/24', 4, 15])).toBe('10.1.2.240/28');
    expect(call('cidrsubnet', ['fd00:fd12:3456:7890::/56', 16, 162])).toBe('fd00:fd12:3456:7800:a200::/72');
  });

  it('cidrhost: network address plus hostnum, negative from the end, nothing reserved', () => {
    expect(call('cidrhost', ['10.12.112.0/20', 16])).toBe('10.12.112.16');
    expect(call('cidrhost', ['10.12.112.0/20', 268])).toBe('10.12.113.12');
    expect(call('cidrhost', ['fd00:fd12:3456:7890:00a2::/72', 34])).toBe('fd00:fd12:3456:7890::22');
    expect(call('cidrhost', ['10.0.0.0/24', -1])).toBe('10.0.0.255');
    expect(call('cidrhost', ['10.0.0.0/31', 1])).toBe('10.0.0.1');
    expect(call('cidrhost', ['10.0.0.0/24', 256])).toBeInstanceOf(Unknown);
  });

  it('cidrnetmask', () => {
    expect(call('cidrnetmask', ['172.16.0.0/12'])).toBe('255.240.0.0');
  });

  it('keeps unknowns unknown, and known pieces of format()', () => {
    const v = new Unknown('var.prefix');
    expect(call('cidrsubnet', [v, 8, 1])).toBeInstanceOf(Unknown);
    expect((call('format', ['%s-vnet', v]) as Unknown).expr).toBe('{var.prefix}-vnet');
  });
});
