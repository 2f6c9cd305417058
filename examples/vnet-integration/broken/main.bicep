// BROKEN on purpose (Bicep twin of azuredeploy.json): a web app and a function app integrated with
// a /29 undelegated subnet of a dual-stack VNet in another region, shared with a private endpoint,
// with route-all and content share over a VNet whose NSG blocks the internet. See ../fixed.

param appLocation string = 'westeurope'
param vnetLocation string = 'northeurope'

var suffix = uniqueString(resourceGroup().id)

resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'integration-nsg'
  location: vnetLocation
  properties: {
    securityRules: [
      {
        name: 'deny-internet-in'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Deny'
          protocol: '*'
          sourceAddressPrefix: 'Internet'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '*'
        }
      }
      {
        name: 'deny-internet-out'
        properties: {
          priority: 200
          direction: 'Outbound'
          access: 'Deny'
          protocol: '*'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: 'Internet'
          destinationPortRange: '*'
        }
      }
    ]
  }
}

resource storagePolicy 'Microsoft.Network/serviceEndpointPolicies@2023-09-01' = {
  name: 'storage-policy'
  location: vnetLocation
  properties: {
    serviceEndpointPolicyDefinitions: []
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-${suffix}'
  location: vnetLocation
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.20.0.0/16'
        'fd00:db8:20::/48'
      ]
    }
    subnets: [
      {
        name: 'integration'
        properties: {
          addressPrefix: '10.20.1.0/29'
          networkSecurityGroup: {
            id: nsg.id
          }
          serviceEndpoints: [
            {
              service: 'Microsoft.Storage'
            }
          ]
          serviceEndpointPolicies: [
            {
              id: storagePolicy.id
            }
          ]
        }
      }
    ]
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st${suffix}'
  location: vnetLocation
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

resource storageEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'pe-storage'
  location: vnetLocation
  properties: {
    subnet: {
      id: vnet.properties.subnets[0].id
    }
    privateLinkServiceConnections: [
      {
        name: 'blob'
        properties: {
          privateLinkServiceId: storage.id
          groupIds: [
            'blob'
          ]
        }
      }
    ]
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-01-01' = {
  name: 'plan-${suffix}'
  location: appLocation
  sku: {
    name: 'P1v3'
    tier: 'PremiumV3'
    capacity: 4
  }
  properties: {}
}

resource funcPlan 'Microsoft.Web/serverfarms@2023-01-01' = {
  name: 'funcplan-${suffix}'
  location: appLocation
  kind: 'functionapp'
  sku: {
    name: 'Y1'
    tier: 'Dynamic'
  }
  properties: {}
}

resource web 'Microsoft.Web/sites@2023-01-01' = {
  name: 'web-${suffix}'
  location: appLocation
  kind: 'app'
  properties: {
    serverFarmId: plan.id
    virtualNetworkSubnetId: vnet.properties.subnets[0].id
    vnetRouteAllEnabled: true
    httpsOnly: true
  }
}

resource func 'Microsoft.Web/sites@2023-01-01' = {
  name: 'func-${suffix}'
  location: appLocation
  kind: 'functionapp'
  properties: {
    serverFarmId: funcPlan.id
    virtualNetworkSubnetId: vnet.properties.subnets[0].id
    vnetContentShareEnabled: true
  }
}
