# vnet-preflight example: an ISE whose network setup meets the ISE requirements (the ISE itself is
# retired). The same deployment as azuredeploy.json next to this file, written in
# Terraform (azurerm provider 4.x).

terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "resource_group_name" {
  type    = string
  default = "ise-example-rg"
}

variable "location" {
  type    = string
  default = "westeurope"
}

resource "azurerm_network_security_group" "ise_nsg" {
  name                = "ise-nsg"
  location            = var.location
  resource_group_name = var.resource_group_name

  security_rule {
    name                       = "allow-vnet-in"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "*"
    source_address_prefix      = "VirtualNetwork"
    source_port_range          = "*"
    destination_address_prefix = "VirtualNetwork"
    destination_port_range     = "*"
  }
  security_rule {
    name                       = "allow-callers-443"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "*"
    source_address_prefix      = "Internet"
    source_port_range          = "*"
    destination_address_prefix = "VirtualNetwork"
    destination_port_range     = "443"
  }
  security_rule {
    name                       = "allow-logicapps-mgmt-454"
    priority                   = 120
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "*"
    source_address_prefix      = "LogicAppsManagement"
    source_port_range          = "*"
    destination_address_prefix = "VirtualNetwork"
    destination_port_range     = "454"
  }
  security_rule {
    name                       = "allow-logicapps-454"
    priority                   = 130
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "*"
    source_address_prefix      = "LogicApps"
    source_port_range          = "*"
    destination_address_prefix = "VirtualNetwork"
    destination_port_range     = "454"
  }
  security_rule {
    name                       = "allow-connectors-all"
    priority                   = 140
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "*"
    source_address_prefix      = "AzureConnectors"
    source_port_range          = "*"
    destination_address_prefix = "VirtualNetwork"
    destination_port_range     = "*"
  }
  security_rule {
    name                       = "allow-appservice-mgmt"
    priority                   = 150
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "*"
    source_address_prefix      = "AppServiceManagement"
    source_port_range          = "*"
    destination_address_prefix = "VirtualNetwork"
    destination_port_ranges    = ["454", "455"]
  }
  security_rule {
    name                       = "allow-apim-3443"
    priority                   = 160
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "*"
    source_address_prefix      = "ApiManagement"
    source_port_range          = "*"
    destination_address_prefix = "VirtualNetwork"
    destination_port_range     = "3443"
  }
  security_rule {
    name                       = "deny-all-in"
    priority                   = 4096
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_address_prefix      = "*"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "*"
  }
  security_rule {
    name                       = "allow-vnet-out"
    priority                   = 100
    direction                  = "Outbound"
    access                     = "Allow"
    protocol                   = "*"
    source_address_prefix      = "VirtualNetwork"
    source_port_range          = "*"
    destination_address_prefix = "VirtualNetwork"
    destination_port_range     = "*"
  }
  security_rule {
    name                       = "allow-dns-out"
    priority                   = 110
    direction                  = "Outbound"
    access                     = "Allow"
    protocol                   = "*"
    source_address_prefix      = "VirtualNetwork"
    source_port_range          = "*"
    destination_address_prefix = "10.10.3.4"
    destination_port_range     = "53"
  }
  security_rule {
    name                       = "allow-dependencies-out"
    priority                   = 120
    direction                  = "Outbound"
    access                     = "Allow"
    protocol                   = "*"
    source_address_prefix      = "VirtualNetwork"
    source_port_range          = "*"
    destination_address_prefix = "Internet"
    destination_port_ranges    = ["80", "443", "445", "1433", "1886", "5672"]
  }
  security_rule {
    name                       = "deny-all-out"
    priority                   = 4096
    direction                  = "Outbound"
    access                     = "Deny"
    protocol                   = "*"
    source_address_prefix      = "*"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "*"
  }
}

resource "azurerm_route_table" "ise_routes" {
  name                = "ise-routes"
  location            = var.location
  resource_group_name = var.resource_group_name

  route {
    name           = "default-to-internet"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "Internet"
  }
}

resource "azurerm_virtual_network" "ise_vnet" {
  name                = "ise-vnet"
  location            = var.location
  resource_group_name = var.resource_group_name
  address_space       = ["10.10.0.0/22"]
  dns_servers         = ["10.10.3.4"]
}

resource "azurerm_subnet" "ise_compute" {
  name                 = "ise-compute"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.ise_vnet.name
  address_prefixes     = ["10.10.1.0/27"]
  delegation {
    name = "ise-delegation"

    service_delegation {
      name = "Microsoft.Logic/integrationServiceEnvironments"
    }
  }
}

resource "azurerm_subnet_network_security_group_association" "ise_compute" {
  subnet_id                 = azurerm_subnet.ise_compute.id
  network_security_group_id = azurerm_network_security_group.ise_nsg.id
}

resource "azurerm_subnet_route_table_association" "ise_compute" {
  subnet_id      = azurerm_subnet.ise_compute.id
  route_table_id = azurerm_route_table.ise_routes.id
}

resource "azurerm_subnet" "ise_connectors" {
  name                 = "ise-connectors"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.ise_vnet.name
  address_prefixes     = ["10.10.1.32/27"]
}

resource "azurerm_subnet_network_security_group_association" "ise_connectors" {
  subnet_id                 = azurerm_subnet.ise_connectors.id
  network_security_group_id = azurerm_network_security_group.ise_nsg.id
}

resource "azurerm_subnet_route_table_association" "ise_connectors" {
  subnet_id      = azurerm_subnet.ise_connectors.id
  route_table_id = azurerm_route_table.ise_routes.id
}

resource "azurerm_subnet" "ise_apim" {
  name                 = "ise-apim"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.ise_vnet.name
  address_prefixes     = ["10.10.1.64/27"]
}

resource "azurerm_subnet_network_security_group_association" "ise_apim" {
  subnet_id                 = azurerm_subnet.ise_apim.id
  network_security_group_id = azurerm_network_security_group.ise_nsg.id
}

resource "azurerm_subnet_route_table_association" "ise_apim" {
  subnet_id      = azurerm_subnet.ise_apim.id
  route_table_id = azurerm_route_table.ise_routes.id
}

resource "azurerm_subnet" "ise_redis" {
  name                 = "ise-redis"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.ise_vnet.name
  address_prefixes     = ["10.10.1.96/27"]
}

resource "azurerm_subnet_network_security_group_association" "ise_redis" {
  subnet_id                 = azurerm_subnet.ise_redis.id
  network_security_group_id = azurerm_network_security_group.ise_nsg.id
}

resource "azurerm_subnet_route_table_association" "ise_redis" {
  subnet_id      = azurerm_subnet.ise_redis.id
  route_table_id = azurerm_route_table.ise_routes.id
}

resource "azurerm_subnet" "workloads" {
  name                 = "workloads"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.ise_vnet.name
  address_prefixes     = ["10.10.2.0/24"]
}

resource "azurerm_subnet" "GatewaySubnet" {
  name                 = "GatewaySubnet"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.ise_vnet.name
  address_prefixes     = ["10.10.3.224/27"]
}

resource "azurerm_public_ip" "er_gateway_ip" {
  name                = "er-gateway-ip"
  location            = var.location
  resource_group_name = var.resource_group_name
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_virtual_network_gateway" "er_gateway" {
  name                = "er-gateway"
  location            = var.location
  resource_group_name = var.resource_group_name
  type                = "ExpressRoute"
  sku                 = "Standard"
  ip_configuration {
    name                 = "default"
    subnet_id            = azurerm_subnet.GatewaySubnet.id
    public_ip_address_id = azurerm_public_ip.er_gateway_ip.id
  }
}

resource "azurerm_network_interface" "jumpbox_nic" {
  name                = "jumpbox-nic"
  location            = var.location
  resource_group_name = var.resource_group_name

  ip_configuration {
    name                          = "ipconfig1"
    subnet_id                     = azurerm_subnet.workloads.id
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_integration_service_environment" "contoso_ise" {
  name                       = "contoso-ise"
  location                   = var.location
  resource_group_name        = var.resource_group_name
  sku_name                   = "Premium_0"
  access_endpoint_type       = "External"
  virtual_network_subnet_ids = [
    azurerm_subnet.ise_compute.id,
    azurerm_subnet.ise_connectors.id,
    azurerm_subnet.ise_apim.id,
    azurerm_subnet.ise_redis.id,
  ]
}

resource "azurerm_logic_app_integration_account" "partner_account" {
  name                               = "partner-account"
  location                           = var.location
  resource_group_name                = var.resource_group_name
  sku_name                           = "Standard"
  integration_service_environment_id = azurerm_integration_service_environment.contoso_ise.id
}

resource "azurerm_logic_app_workflow" "order_intake" {
  name                               = "order-intake"
  location                           = var.location
  resource_group_name                = var.resource_group_name
  integration_service_environment_id = azurerm_integration_service_environment.contoso_ise.id
  logic_app_integration_account_id   = azurerm_logic_app_integration_account.partner_account.id
}
