// FIXED (Bicep twin of azuredeploy.json): a /26 subnet delegated to Microsoft.Web/serverFarms in an
// IPv4-only VNet of the apps' region, no service endpoint policies, an Elastic Premium plan for the
// function app, a private endpoint in its own subnet, and an NSG that lets route-all and
// content-share traffic reach Microsoft Entra ID, CRL endpoints and Storage before it denies the internet.

param appLocation string = 'westeurope'
param vnetLocation string = 'West Europe'

var suffix = uniqueString(resourceGroup().id)

resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'integration-nsg'
  location: vnetLocation
  properties: {
    securityRules: [
      {
        name: 'allow-storage-out'
        properties: {
          priority: 100
          direction: 'Outbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: 'Storage'
          destinationPortRanges: [
            '443'
            '445'
          ]
        }
      }
      {
        name: 'allow-entra-id-and-crl-out'
        properties: {
          priority: 110
          direction: 'Outbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: 'Internet'
          destinationPortRanges: [
            '80'
            '443'
          ]
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

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-${suffix}'
  location: vnetLocation
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.20.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'integration'
        properties: {
          addressPrefix: '10.20.1.0/26'
          delegations: [
            {
              name: 'app-service'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
          networkSecurityGroup: {
            id: nsg.id
          }
          serviceEndpoints: [
            {
              service: 'Microsoft.Storage'
            }
          ]
        }
      }
      {
        name: 'endpoints'
        properties: {
          addressPrefix: '10.20.2.0/24'
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
      id: vnet.properties.subnets[1].id
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
  kind: 'elastic'
  sku: {
    name: 'EP1'
    tier: 'ElasticPremium'
    capacity: 1
  }
  properties: {
    maximumElasticWorkerCount: 10
  }
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
