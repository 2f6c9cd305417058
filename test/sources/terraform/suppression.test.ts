import { checkFiles } from '../../helpers/rule-tester.js';
import { lineOf } from './load-helper.js';

const tf = (comment: string) => `resource "azurerm_virtual_network" "v" {
  name                = "vnet"
  location            = "westeurope"
  resource_group_name = "rg"
  address_space       = ["10.0.0.0/16"]
}
resource "azurerm_subnet" "a" {
  name                 = "a"
  virtual_network_name = azurerm_virtual_network.v.name
  resource_group_name  = "rg"
${comment}
  address_prefixes     = ["10.0.0.5/24"]
}
`;

describe('inline suppressions in Terraform', () => {
  it('reports the finding at the .tf line without a suppression', async () => {
    const text = tf('');
    const r = await checkFiles({ 'main.tf': text });
    expect(r.findings.map((f) => [f.ruleId, f.range.file, f.range.line])).toEqual([['network/prefix-invalid', 'main.tf', lineOf(text, 'address_prefixes')]]);
  });

  it.each(['#', '//'])('a %s comment on the line before suppresses it, with its reason', async (c) => {
    const r = await checkFiles({ 'main.tf': tf(`  ${c} vnet-preflight-disable-next-line network/prefix-invalid -- imported as is, fixed in the next release`) });
    expect(r.findings).toEqual([]);
    expect(r.suppressed.map((f) => [f.ruleId, f.suppressed?.reason])).toEqual([['network/prefix-invalid', 'imported as is, fixed in the next release']]);
  });
});
