/**
 * ISE configurations written the way Terraform and Bicep authors write them, beyond what the
 * printed twins of the ARM fixtures show (`test/helpers/formats/`). Both meet every ISE requirement
 * except one: no security rule allows App Service management (inbound 454-455 from
 * AppServiceManagement), so the `deny-in` rule blocks it.
 */

/**
 * Terraform (azurerm 4.x): subnets from `for_each` over a map with a `dynamic` delegation, security
 * rules as `azurerm_network_security_rule` resources (one from `for_each`), associations from
 * `for_each = azurerm_subnet.ise`, a route as an `azurerm_route` resource (0.0.0.0/0 to a virtual
 * appliance, subnets without service endpoints), the ISE's subnet list from a `for` expression.
 */
export const iseTerraformIdioms = `locals {
  ise_subnets = {
    "ise-1" = "10.0.1.0/27"
    "ise-2" = "10.0.1.32/27"
    "ise-3" = "10.0.1.64/27"
    "ise-4" = "10.0.1.96/27"
  }
  # Inbound ISE rules; App Service management (454-455 from AppServiceManagement) is missing.
  inbound = {
    "vnet-in"           = { priority = 100, source = "VirtualNetwork", ports = ["0-65535"] }
    "logicapps-mgmt-in" = { priority = 110, source = "LogicAppsManagement", ports = ["454"] }
    "logicapps-in"      = { priority = 120, source = "LogicApps", ports = ["454"] }
    "connectors-in"     = { priority = 130, source = "AzureConnectors", ports = ["454"] }
    "tm-in"             = { priority = 150, source = "AzureTrafficManager", ports = ["443", "454"] }
    "apim-in"           = { priority = 160, source = "ApiManagement", ports = ["3443"] }
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
    for_each = each.key == "ise-1" ? ["x"] : []
    content {
      name = "ise"
      service_delegation {
        name = "Microsoft.Logic/integrationServiceEnvironments"
      }
    }
  }
}

resource "azurerm_network_security_group" "ise" {
  name                = "ise-nsg"
  location            = "westeurope"
  resource_group_name = "rg"
}

resource "azurerm_network_security_rule" "inbound" {
  for_each                    = local.inbound
  name                        = each.key
  priority                    = each.value.priority
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = each.value.source
  source_port_range           = "*"
  destination_address_prefix  = "VirtualNetwork"
  destination_port_ranges     = each.value.ports
  resource_group_name         = "rg"
  network_security_group_name = azurerm_network_security_group.ise.name
}

resource "azurerm_network_security_rule" "deny_in" {
  name                        = "deny-in"
  priority                    = 4096
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
  resource_group_name         = "rg"
  network_security_group_name = azurerm_network_security_group.ise.name
}

resource "azurerm_subnet_network_security_group_association" "ise" {
  for_each                  = azurerm_subnet.ise
  subnet_id                 = each.value.id
  network_security_group_id = azurerm_network_security_group.ise.id
}

resource "azurerm_route_table" "ise" {
  name                = "ise-routes"
  location            = "westeurope"
  resource_group_name = "rg"
}

resource "azurerm_route" "to_firewall" {
  name                   = "to-firewall"
  resource_group_name    = "rg"
  route_table_name       = azurerm_route_table.ise.name
  address_prefix         = "0.0.0.0/0"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = "10.0.2.4"
}

resource "azurerm_subnet_route_table_association" "ise" {
  for_each       = azurerm_subnet.ise
  subnet_id      = each.value.id
  route_table_id = azurerm_route_table.ise.id
}

resource "azurerm_integration_service_environment" "ise" {
  name                       = "my-ise"
  location                   = "westeurope"
  resource_group_name        = "rg"
  sku_name                   = "Premium_0"
  access_endpoint_type       = "Internal"
  virtual_network_subnet_ids = [for s in azurerm_subnet.ise : s.id]
}
`;

/**
 * Bicep: subnets from a `for` loop with index over a parameter, security rules as child
 * resources (`parent:`), some from a `for` loop over a variable, the ISE's subnet ids built by
 * string interpolation (`'${vnet.id}/subnets/ise-${i + 1}'`) in a `range()` loop.
 */
export const iseBicepIdioms = `@description('The ISE subnets: four /27s, the first delegated to the ISE.')
param subnetPrefixes array = [
  '10.0.1.0/27'
  '10.0.1.32/27'
  '10.0.1.64/27'
  '10.0.1.96/27'
]

// Inbound ISE rules; App Service management (454-455 from AppServiceManagement) is missing.
var inbound = [
  { name: 'vnet-in', priority: 100, source: 'VirtualNetwork', ports: [ '0-65535' ] }
  { name: 'logicapps-mgmt-in', priority: 110, source: 'LogicAppsManagement', ports: [ '454' ] }
  { name: 'logicapps-in', priority: 120, source: 'LogicApps', ports: [ '454' ] }
  { name: 'connectors-in', priority: 130, source: 'AzureConnectors', ports: [ '454' ] }
  { name: 'tm-in', priority: 150, source: 'AzureTrafficManager', ports: [ '443', '454' ] }
  { name: 'apim-in', priority: 160, source: 'ApiManagement', ports: [ '3443' ] }
]

resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {
  name: 'ise-nsg'
  location: resourceGroup().location
}

resource inboundRules 'Microsoft.Network/networkSecurityGroups/securityRules@2023-04-01' = [for r in inbound: {
  parent: nsg
  name: r.name
  properties: {
    priority: r.priority
    direction: 'Inbound'
    access: 'Allow'
    protocol: '*'
    sourceAddressPrefix: r.source
    sourcePortRange: '*'
    destinationAddressPrefix: 'VirtualNetwork'
    destinationPortRanges: r.ports
  }
}]

resource denyIn 'Microsoft.Network/networkSecurityGroups/securityRules@2023-04-01' = {
  parent: nsg
  name: 'deny-in'
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

resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {
  name: 'ise-vnet'
  location: resourceGroup().location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/22'
      ]
    }
    subnets: [for (prefix, i) in subnetPrefixes: {
      name: 'ise-\${i + 1}'
      properties: {
        addressPrefix: prefix
        networkSecurityGroup: {
          id: nsg.id
        }
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
  location: resourceGroup().location
  sku: {
    name: 'Premium'
    capacity: 0
  }
  properties: {
    networkConfiguration: {
      accessEndpoint: {
        type: 'Internal'
      }
      subnets: [for i in range(0, length(subnetPrefixes)): {
        id: '\${vnet.id}/subnets/ise-\${i + 1}'
      }]
    }
  }
}
`;
