// vnet-preflight example: a hub and spoke network: disjoint subnets inside their VNets, network
// addresses without host bits, unique NSG priorities, valid port ranges, peered VNets with disjoint
// address spaces. The same deployment as azuredeploy.json next to this file, written in
// Bicep.

param location string = 'westeurope'

resource web_nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'web-nsg'
  location: location
  properties: {
    securityRules: [
      {
        name: 'allow-https'
        properties: {
          priority: 200
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'Internet'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '443'
        }
      }
      {
        name: 'allow-http'
        properties: {
          priority: 210
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'Internet'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '80'
        }
      }
      {
        name: 'allow-app-ports'
        properties: {
          priority: 300
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRanges: [
            '8080'
            '8000-9000'
          ]
        }
      }
      {
        name: 'deny-rest'
        properties: {
          priority: 4000
          direction: 'Inbound'
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

resource hub_vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'hub-vnet'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
        '10.1.0.0/24'
      ]
    }
    subnets: [
      {
        name: 'web'
        properties: {
          addressPrefix: '10.0.1.0/25'
          networkSecurityGroup: {
            id: web_nsg.id
          }
        }
      }
      {
        name: 'api'
        properties: {
          addressPrefix: '10.0.1.128/25'
        }
      }
      {
        name: 'data'
        properties: {
          addressPrefix: '10.0.2.0/24'
        }
      }
      {
        name: 'management'
        properties: {
          addressPrefix: '10.1.0.0/24'
        }
      }
    ]
  }
}

resource spoke_vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'spoke-vnet'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.2.0.0/24'
      ]
    }
    subnets: [
      {
        name: 'workload'
        properties: {
          addressPrefix: '10.2.0.0/25'
        }
      }
    ]
  }
}

resource hub_to_spoke 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-09-01' = {
  parent: hub_vnet
  name: 'hub-to-spoke'
  properties: {
    allowVirtualNetworkAccess: true
    remoteVirtualNetwork: {
      id: spoke_vnet.id
    }
  }
}
