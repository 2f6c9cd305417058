// vnet-preflight example: an ISE whose network setup meets the ISE requirements (the ISE itself is
// retired). The same deployment as azuredeploy.json next to this file, written in
// Bicep.

param location string = 'westeurope'

resource ise_nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {
  name: 'ise-nsg'
  location: location
  properties: {
    securityRules: [
      {
        name: 'allow-vnet-in'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '*'
        }
      }
      {
        name: 'allow-callers-443'
        properties: {
          priority: 110
          direction: 'Inbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: 'Internet'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '443'
        }
      }
      {
        name: 'allow-logicapps-mgmt-454'
        properties: {
          priority: 120
          direction: 'Inbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: 'LogicAppsManagement'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '454'
        }
      }
      {
        name: 'allow-logicapps-454'
        properties: {
          priority: 130
          direction: 'Inbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: 'LogicApps'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '454'
        }
      }
      {
        name: 'allow-connectors-all'
        properties: {
          priority: 140
          direction: 'Inbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: 'AzureConnectors'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '*'
        }
      }
      {
        name: 'allow-appservice-mgmt'
        properties: {
          priority: 150
          direction: 'Inbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: 'AppServiceManagement'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRanges: [
            '454'
            '455'
          ]
        }
      }
      {
        name: 'allow-apim-3443'
        properties: {
          priority: 160
          direction: 'Inbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: 'ApiManagement'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '3443'
        }
      }
      {
        name: 'deny-all-in'
        properties: {
          priority: 4096
          direction: 'Inbound'
          access: 'Deny'
          protocol: '*'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '*'
        }
      }
      {
        name: 'allow-vnet-out'
        properties: {
          priority: 100
          direction: 'Outbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '*'
        }
      }
      {
        name: 'allow-dns-out'
        properties: {
          priority: 110
          direction: 'Outbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: '10.10.3.4'
          destinationPortRange: '53'
        }
      }
      {
        name: 'allow-dependencies-out'
        properties: {
          priority: 120
          direction: 'Outbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: 'Internet'
          destinationPortRanges: [
            '80'
            '443'
            '445'
            '1433'
            '1886'
            '5672'
          ]
        }
      }
      {
        name: 'deny-all-out'
        properties: {
          priority: 4096
          direction: 'Outbound'
          access: 'Deny'
          protocol: '*'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '*'
        }
      }
    ]
  }
}

resource ise_routes 'Microsoft.Network/routeTables@2023-04-01' = {
  name: 'ise-routes'
  location: location
  properties: {
    routes: [
      {
        name: 'default-to-internet'
        properties: {
          addressPrefix: '0.0.0.0/0'
          nextHopType: 'Internet'
        }
      }
    ]
  }
}

resource ise_vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {
  name: 'ise-vnet'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.10.0.0/22'
      ]
    }
    dhcpOptions: {
      dnsServers: [
        '10.10.3.4'
      ]
    }
    subnets: [
      {
        name: 'ise-compute'
        properties: {
          addressPrefix: '10.10.1.0/27'
          delegations: [
            {
              name: 'ise-delegation'
              properties: {
                serviceName: 'Microsoft.Logic/integrationServiceEnvironments'
              }
            }
          ]
          networkSecurityGroup: {
            id: ise_nsg.id
          }
          routeTable: {
            id: ise_routes.id
          }
        }
      }
      {
        name: 'ise-connectors'
        properties: {
          addressPrefix: '10.10.1.32/27'
          networkSecurityGroup: {
            id: ise_nsg.id
          }
          routeTable: {
            id: ise_routes.id
          }
        }
      }
      {
        name: 'ise-apim'
        properties: {
          addressPrefix: '10.10.1.64/27'
          networkSecurityGroup: {
            id: ise_nsg.id
          }
          routeTable: {
            id: ise_routes.id
          }
        }
      }
      {
        name: 'ise-redis'
        properties: {
          addressPrefix: '10.10.1.96/27'
          networkSecurityGroup: {
            id: ise_nsg.id
          }
          routeTable: {
            id: ise_routes.id
          }
        }
      }
      {
        name: 'workloads'
        properties: {
          addressPrefix: '10.10.2.0/24'
        }
      }
      {
        name: 'GatewaySubnet'
        properties: {
          addressPrefix: '10.10.3.224/27'
        }
      }
    ]
  }
}

resource er_gateway_ip 'Microsoft.Network/publicIPAddresses@2023-04-01' = {
  name: 'er-gateway-ip'
  location: location
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource er_gateway 'Microsoft.Network/virtualNetworkGateways@2023-04-01' = {
  name: 'er-gateway'
  location: location
  properties: {
    gatewayType: 'ExpressRoute'
    sku: {
      name: 'Standard'
      tier: 'Standard'
    }
    ipConfigurations: [
      {
        name: 'default'
        properties: {
          subnet: {
            id: ise_vnet.properties.subnets[5].id
          }
          publicIPAddress: {
            id: er_gateway_ip.id
          }
        }
      }
    ]
  }
}

resource jumpbox_nic 'Microsoft.Network/networkInterfaces@2023-04-01' = {
  name: 'jumpbox-nic'
  location: location
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: {
            id: ise_vnet.properties.subnets[4].id
          }
        }
      }
    ]
  }
}

resource contoso_ise 'Microsoft.Logic/integrationServiceEnvironments@2019-05-01' = {
  name: 'contoso-ise'
  location: location
  sku: {
    name: 'Premium'
    capacity: 0
  }
  properties: {
    networkConfiguration: {
      accessEndpoint: {
        type: 'External'
      }
      subnets: [
        {
          id: ise_vnet.properties.subnets[0].id
        }
        {
          id: ise_vnet.properties.subnets[1].id
        }
        {
          id: ise_vnet.properties.subnets[2].id
        }
        {
          id: ise_vnet.properties.subnets[3].id
        }
      ]
    }
  }
}

resource partner_account 'Microsoft.Logic/integrationAccounts@2019-05-01' = {
  name: 'partner-account'
  location: location
  sku: {
    name: 'Standard'
  }
  properties: {
    integrationServiceEnvironment: {
      id: contoso_ise.id
    }
  }
}

resource order_intake 'Microsoft.Logic/workflows@2019-05-01' = {
  name: 'order-intake'
  location: location
  properties: {
    state: 'Enabled'
    integrationServiceEnvironment: {
      id: contoso_ise.id
    }
    integrationAccount: {
      id: partner_account.id
    }
    definition: {
      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'
      contentVersion: '1.0.0.0'
      triggers: {}
      actions: {}
      outputs: {}
    }
  }
}
