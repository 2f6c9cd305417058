// vnet-preflight example: BROKEN on purpose: a hub and spoke network that Azure would reject. See
// ../fixed for the corrected twin. The same deployment as azuredeploy.json next to this file, written
// in
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
          priority: 200
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
            '9000-8000'
            '70000'
          ]
        }
      }
      {
        name: 'deny-rest'
        properties: {
          priority: 5000
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
      ]
    }
    subnets: [
      {
        name: 'web'
        properties: {
          addressPrefix: '10.0.1.0/24'
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
          addressPrefix: '10.0.2.10/24'
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
        '10.0.200.0/24'
      ]
    }
    subnets: [
      {
        name: 'workload'
        properties: {
          addressPrefix: '10.0.200.0/25'
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
