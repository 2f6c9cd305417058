import { subnet, template, vnet } from '../ase/fixtures.js';
import { twinRule } from '../../helpers/formats/twins.js';

const overlap = template([
  vnet({ name: 'vnet', prefixes: ['10.0.0.0/16'], subnets: [subnet({ name: 'a', prefix: '10.0.0.0/24' }), subnet({ name: 'b', prefix: '10.0.0.128/25' }), subnet({ name: 'c', prefix: '10.0.1.0/24' })] }),
]);
const vnetOverlap = template([vnet({ name: 'vnet', prefixes: ['10.0.0.0/16', '10.0.128.0/17'], subnets: [] })]);
const otherVnets = template([
  vnet({ name: 'one', prefixes: ['10.0.0.0/16'], subnets: [subnet({ name: 'a', prefix: '10.0.0.0/24' })] }),
  vnet({ name: 'two', prefixes: ['10.0.0.0/16'], subnets: [subnet({ name: 'a', prefix: '10.0.0.0/24' })] }),
]);

const fromParam = template(
  [vnet({ name: 'vnet', prefixes: ['10.0.0.0/16'], subnets: [subnet({ name: 'a', prefix: '10.0.0.0/24' }), subnet({ name: 'b', prefix: "[parameters('bPrefix')]" })] })],
  { bPrefix: { type: 'string' } },
);

/** Terraform idiom: subnets as inline `subnet` blocks of the VNet (azurerm 4.x). */
const inlineTf = `resource "azurerm_virtual_network" "hub" {
  name                = "hub"
  location            = "westeurope"
  resource_group_name = "rg"
  address_space       = ["10.0.0.0/16"]

  subnet {
    name             = "a"
    address_prefixes = ["10.0.0.0/24"]
  }

  subnet {
    name             = "b"
    address_prefixes = ["10.0.0.128/25"]
  }
}
`;

/** Bicep idiom: subnets as child resources with `parent:`. */
const childBicep = `resource hub 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'hub'
  location: 'westeurope'
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
      ]
    }
  }
}

resource a 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' = {
  parent: hub
  name: 'a'
  properties: {
    addressPrefix: '10.0.0.0/24'
  }
}

resource b 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' = {
  parent: hub
  name: 'b'
  properties: {
    addressPrefix: '10.0.0.128/25'
  }
  dependsOn: [
    a
  ]
}
`;

twinRule('network/subnet-overlap', {
  valid: [
    { name: 'adjacent subnets', arm: template([vnet({ name: 'vnet', prefixes: ['10.0.0.0/16'], subnets: [subnet({ name: 'a', prefix: '10.0.0.0/25' }), subnet({ name: 'b', prefix: '10.0.0.128/25' })] })]) },
    { name: 'same ranges in two different VNets', arm: otherVnets },
    { name: 'a prefix from a parameter without value (network/prefix-invalid notes it)', arm: fromParam },
  ],
  invalid: [
    { name: 'subnet inside another subnet', arm: overlap, findings: (d) => [{ line: d.line('10.0.0.128/25'), messageIncludes: "subnet 'a'" }] },
    {
      name: 'overlapping inline subnet blocks (Terraform)',
      only: ['terraform'],
      own: { terraform: inlineTf },
      findings: (d) => [{ line: d.line('10.0.0.128/25'), messageIncludes: "subnet 'a'" }],
    },
    {
      name: 'overlapping child subnet resources (Bicep)',
      only: ['bicep'],
      own: { bicep: childBicep },
      findings: (d) => [{ line: d.line('10.0.0.128/25'), messageIncludes: "subnet 'a'" }],
    },
    { name: 'overlapping VNet address prefixes', arm: vnetOverlap, findings: (d) => [{ line: d.line('10.0.128.0/17'), messageIncludes: 'overlaps its address prefix 10.0.0.0/16' }] },
  ],
});
