// BROKEN on purpose (Bicep twin of azuredeploy.json): an ASEv2 in an ExpressRoute VNet and an
// ASEv3 with a badly prepared subnet. See ../fixed for the corrected ASEv3.

param location string = 'westeurope'

var aseV2SubnetPrefix = '10.10.1.0/26'

// ASEv2 subnet NSG: web traffic only, then deny-all both ways (no management, load balancer,
// FTP/debugging, SQL, Storage or custom-DNS allowances).
resource asev2Nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'asev2-nsg'
  location: location
  properties: {
    securityRules: [
      {
        name: 'allow-https-in'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'Internet'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRanges: [
            '80'
            '443'
          ]
        }
      }
      {
        name: 'deny-everything-else-in'
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
      {
        name: 'allow-web-out'
        properties: {
          priority: 100
          direction: 'Outbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: 'Internet'
          destinationPortRanges: [
            '80'
            '443'
          ]
        }
      }
      {
        name: 'deny-everything-else-out'
        properties: {
          priority: 4000
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

// Meant for the ASEv3 subnet, but associated with no subnet.
resource asev3Nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'asev3-nsg'
  location: location
  properties: {
    securityRules: [
      {
        name: 'allow-management'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'AppServiceManagement'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '454-455'
        }
      }
    ]
  }
}

// Custom DNS server and an ExpressRoute gateway, but no route table on the ASE subnet.
resource vnetAsev2 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-asev2'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.10.0.0/16'
      ]
    }
    dhcpOptions: {
      dnsServers: [
        '192.168.10.4'
      ]
    }
    subnets: [
      {
        name: 'asev2-subnet'
        properties: {
          addressPrefix: aseV2SubnetPrefix
          networkSecurityGroup: {
            id: asev2Nsg.id
          }
        }
      }
      {
        name: 'GatewaySubnet'
        properties: {
          addressPrefix: '10.10.255.0/27'
        }
      }
    ]
  }
}

resource erGateway 'Microsoft.Network/virtualNetworkGateways@2023-09-01' = {
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
            id: vnetAsev2.properties.subnets[1].id
          }
        }
      }
    ]
  }
}

resource aseV2 'Microsoft.Web/hostingEnvironments@2019-08-01' = {
  name: 'contoso-asev2'
  location: location
  kind: 'ASEV2'
  properties: {
    virtualNetwork: {
      id: vnetAsev2.properties.subnets[0].id
    }
    internalLoadBalancingMode: 'None'
  }
}

// ASEv3 subnet: /28, written as addressPrefixes, delegated to the wrong service, shared with a NIC.
resource vnetAsev3 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-asev3'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.20.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'asev3-subnet'
        properties: {
          addressPrefixes: [
            '10.20.0.0/28'
          ]
          delegations: [
            {
              name: 'web'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
        }
      }
      {
        name: 'jumpbox-subnet'
        properties: {
          addressPrefix: '10.20.1.0/24'
        }
      }
    ]
  }
}

resource jumpboxNic 'Microsoft.Network/networkInterfaces@2023-09-01' = {
  name: 'jumpbox-nic'
  location: location
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: {
            id: vnetAsev3.properties.subnets[0].id
          }
        }
      }
    ]
  }
}

resource aseV3 'Microsoft.Web/hostingEnvironments@2022-03-01' = {
  name: 'contoso-asev3'
  location: location
  kind: 'ASEV3'
  properties: {
    virtualNetwork: {
      id: vnetAsev3.properties.subnets[0].id
    }
    internalLoadBalancingMode: 'Web, Publishing'
  }
}
