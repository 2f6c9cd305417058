// Bicep twin of azuredeploy.json: an ILB App Service Environment v3 in a dedicated /24 subnet
// delegated to Microsoft.Web/hostingEnvironments, with its NSG associated. The jumpbox has its
// own subnet.

param location string = 'westeurope'

var aseSubnetPrefix = '10.20.0.0/24'

resource asev3Nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'asev3-nsg'
  location: location
  properties: {
    securityRules: [
      {
        name: 'allow-https-from-vnet'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: aseSubnetPrefix
          destinationPortRanges: [
            '80'
            '443'
          ]
        }
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
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
          addressPrefix: aseSubnetPrefix
          networkSecurityGroup: {
            id: asev3Nsg.id
          }
          delegations: [
            {
              name: 'ase'
              properties: {
                serviceName: 'Microsoft.Web/hostingEnvironments'
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
            id: vnet.properties.subnets[1].id
          }
        }
      }
    ]
  }
}

resource ase 'Microsoft.Web/hostingEnvironments@2022-03-01' = {
  name: 'contoso-asev3'
  location: location
  kind: 'ASEV3'
  properties: {
    virtualNetwork: {
      id: vnet.properties.subnets[0].id
    }
    internalLoadBalancingMode: 'Web, Publishing'
  }
}
