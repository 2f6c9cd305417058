# BROKEN on purpose (Terraform twin of azuredeploy.json): an ASEv2 in an ExpressRoute VNet and an
# ASEv3 with a badly prepared subnet. See ../fixed for the corrected ASEv3.

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

variable "location" {
  type    = string
  default = "westeurope"
}

variable "resource_group_name" {
  type    = string
  default = "rg-ase-example"
}

locals {
  ase_v2_subnet_prefix = "10.10.1.0/26"
}

# ASEv2 subnet NSG: web traffic only, then deny-all both ways (no management, load balancer,
# FTP/debugging, SQL, Storage or custom-DNS allowances).
resource "azurerm_network_security_group" "asev2" {
  name                = "asev2-nsg"
  location            = var.location
  resource_group_name = var.resource_group_name

  security_rule {
    name                       = "allow-https-in"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "Internet"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_ranges    = ["80", "443"]
  }

  security_rule {
    name                       = "deny-everything-else-in"
    priority                   = 4000
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_address_prefix      = "*"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "*"
  }

  security_rule {
    name                       = "allow-web-out"
    priority                   = 100
    direction                  = "Outbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "*"
    source_port_range          = "*"
    destination_address_prefix = "Internet"
    destination_port_ranges    = ["80", "443"]
  }

  security_rule {
    name                       = "deny-everything-else-out"
    priority                   = 4000
    direction                  = "Outbound"
    access                     = "Deny"
    protocol                   = "*"
    source_address_prefix      = "*"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "*"
  }
}

# Meant for the ASEv3 subnet, but associated with no subnet.
resource "azurerm_network_security_group" "asev3" {
  name                = "asev3-nsg"
  location            = var.location
  resource_group_name = var.resource_group_name

  security_rule {
    name                       = "allow-management"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "AppServiceManagement"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "454-455"
  }
}

# Custom DNS server and an ExpressRoute gateway, but no route table on the ASE subnet.
resource "azurerm_virtual_network" "asev2" {
  name                = "vnet-asev2"
  location            = var.location
  resource_group_name = var.resource_group_name
  address_space       = ["10.10.0.0/16"]
  dns_servers         = ["192.168.10.4"]
}

resource "azurerm_subnet" "asev2" {
  name                 = "asev2-subnet"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.asev2.name
  address_prefixes     = [local.ase_v2_subnet_prefix]
}

resource "azurerm_subnet_network_security_group_association" "asev2" {
  subnet_id                 = azurerm_subnet.asev2.id
  network_security_group_id = azurerm_network_security_group.asev2.id
}

resource "azurerm_subnet" "gateway" {
  name                 = "GatewaySubnet"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.asev2.name
  address_prefixes     = ["10.10.255.0/27"]
}

resource "azurerm_virtual_network_gateway" "er" {
  name                = "er-gateway"
  location            = var.location
  resource_group_name = var.resource_group_name
  type                = "ExpressRoute"
  sku                 = "Standard"

  ip_configuration {
    name      = "default"
    subnet_id = azurerm_subnet.gateway.id
  }
}

# azurerm_app_service_environment is ASEv2 (retired).
resource "azurerm_app_service_environment" "asev2" {
  name                         = "contoso-asev2"
  resource_group_name          = var.resource_group_name
  subnet_id                    = azurerm_subnet.asev2.id
  internal_load_balancing_mode = "None"
}

# ASEv3 subnet: too small, delegated to the wrong service, shared with a NIC. azurerm only has
# address_prefixes, which it sends as addressPrefix when it holds one item; the ARM twin's
# one-item addressPrefixes array is written here as two prefixes, which ASEv3 does not accept either.
resource "azurerm_virtual_network" "asev3" {
  name                = "vnet-asev3"
  location            = var.location
  resource_group_name = var.resource_group_name
  address_space       = ["10.20.0.0/16"]
}

resource "azurerm_subnet" "asev3" {
  name                 = "asev3-subnet"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.asev3.name
  address_prefixes     = ["10.20.0.0/28", "10.20.0.16/28"]

  delegation {
    name = "web"
    service_delegation {
      name = "Microsoft.Web/serverFarms"
    }
  }
}

resource "azurerm_subnet" "jumpbox" {
  name                 = "jumpbox-subnet"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.asev3.name
  address_prefixes     = ["10.20.1.0/24"]
}

resource "azurerm_network_interface" "jumpbox" {
  name                = "jumpbox-nic"
  location            = var.location
  resource_group_name = var.resource_group_name

  ip_configuration {
    name                          = "ipconfig1"
    subnet_id                     = azurerm_subnet.asev3.id
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_app_service_environment_v3" "asev3" {
  name                         = "contoso-asev3"
  resource_group_name          = var.resource_group_name
  subnet_id                    = azurerm_subnet.asev3.id
  internal_load_balancing_mode = "Web, Publishing"
}
