import { twinRule } from '../../helpers/formats/twins.js';
import { defaultSubnets, iseTemplate } from './fixtures.js';

const withPrefix = (i: number, prefix: string) => {
  const s = defaultSubnets();
  s[i]!.prefix = prefix;
  return iseTemplate({ subnets: s });
};
const small = withPrefix(2, '10.0.1.64/28');
const large = withPrefix(3, '10.0.2.0/24');
const param = iseTemplate()
  .replace('"addressPrefix": "10.0.1.32/27"', `"addressPrefix": "[parameters('subnet2Prefix')]"`)
  .replace('"resources": [', '"parameters": { "subnet2Prefix": { "type": "string" } },\n  "resources": [');

/** Terraform idiom: subnets from `for_each` over a map, a `dynamic` delegation, the ISE's subnet list from a `for` expression. */
const forEachTf = `locals {
  ise_subnets = {
    "ise-1" = "10.0.1.0/27"
    "ise-2" = "10.0.1.32/27"
    "ise-3" = "10.0.1.64/28"
    "ise-4" = "10.0.1.96/27"
  }
}

resource "azurerm_virtual_network" "ise" {
  name                = "ise-vnet"
  location            = "westeurope"
  resource_group_name = "rg"
  address_space       = ["10.0.0.0/22"]
}

resource "azurerm_subnet" "ise" {
  for_each             = local.ise_subnets
  name                 = each.key
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.ise.name
  address_prefixes     = [each.value]

  dynamic "delegation" {
    for_each = each.key == "ise-1" ? [1] : []
    content {
      name = "ise"
      service_delegation {
        name = "Microsoft.Logic/integrationServiceEnvironments"
      }
    }
  }
}

resource "azurerm_integration_service_environment" "ise" {
  name                       = "my-ise"
  location                   = "westeurope"
  resource_group_name        = "rg"
  sku_name                   = "Developer_0"
  access_endpoint_type       = "Internal"
  virtual_network_subnet_ids = [for k in sort(keys(local.ise_subnets)) : azurerm_subnet.ise[k].id]
}
`;

/** Bicep idiom: subnets from a `for` loop over a variable, the ISE's subnet list from a loop with index. */
const loopBicep = `param location string = resourceGroup().location

var iseSubnets = [
  { name: 'ise-1', prefix: '10.0.1.0/27' }
  { name: 'ise-2', prefix: '10.0.1.32/27' }
  { name: 'ise-3', prefix: '10.0.1.64/28' }
  { name: 'ise-4', prefix: '10.0.1.96/27' }
]

resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {
  name: 'ise-vnet'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/22'
      ]
    }
    subnets: [for (s, i) in iseSubnets: {
      name: s.name
      properties: {
        addressPrefix: s.prefix
        delegations: i == 0 ? [
          {
            name: 'ise'
            properties: {
              serviceName: 'Microsoft.Logic/integrationServiceEnvironments'
            }
          }
        ] : []
      }
    }]
  }
}

resource ise 'Microsoft.Logic/integrationServiceEnvironments@2019-05-01' = {
  name: 'my-ise'
  location: location
  sku: {
    name: 'Developer'
    capacity: 0
  }
  properties: {
    networkConfiguration: {
      accessEndpoint: {
        type: 'Internal'
      }
      subnets: [for (s, i) in iseSubnets: {
        id: vnet.properties.subnets[i].id
      }]
    }
  }
}
`;

twinRule('ise/subnet-size', {
  valid: [
    { name: 'four /27 subnets', arm: iseTemplate() },
    { name: 'a /28 that no ISE uses', arm: iseTemplate({ noIse: true, subnets: [{ name: 'other', prefix: '10.0.1.0/28' }] }) },
  ],
  invalid: [
    {
      name: '/28 is too small',
      arm: small,
      findings: (d) => [
        {
          line: d.line('10.0.1.64/28'),
          messageIncludes: `Subnet 'ise-3' is /28 (16 addresses); an ISE subnet must be a /27 (32 addresses). Change ${d.format === 'terraform' ? 'address_prefixes' : 'addressPrefix'} to a /27.`,
        },
      ],
    },
    {
      name: '/24 is more than needed',
      arm: large,
      findings: (d) => [{ line: d.line('10.0.2.0/24'), severity: 'note', messageIncludes: '/24 (256 addresses)' }],
    },
    {
      name: 'a /28 among subnets written with for_each (Terraform)',
      only: ['terraform'],
      own: { terraform: forEachTf },
      findings: (d) => [{ line: d.line('address_prefixes     = [each.value]'), messageIncludes: "Subnet 'ise-3' is /28 (16 addresses)" }],
    },
    {
      name: 'a /28 among subnets written with a for loop (Bicep)',
      only: ['bicep'],
      own: { bicep: loopBicep },
      findings: (d) => [{ line: d.line('addressPrefix: s.prefix'), messageIncludes: "Subnet 'ise-3' is /28 (16 addresses)" }],
    },
    {
      name: 'prefix from a parameter without value',
      arm: param,
      findings: (d) => [{ line: d.param('subnet2Prefix'), severity: 'note', messageIncludes: 'Could not verify' }],
    },
  ],
});
