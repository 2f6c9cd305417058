# Terraform twin of azuredeploy.json: an ILB App Service Environment v3 in a dedicated /24 subnet
# delegated to Microsoft.Web/hostingEnvironments, with its NSG associated. The jumpbox has its
# own subnet.

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
  ase_subnet_prefix = "10.20.0.0/24"
}

resource "azurerm_network_security_group" "ase" {
  name                = "asev3-nsg"
  location            = var.location
  resource_group_name = var.resource_group_name

  security_rule {
    name                       = "allow-https-from-vnet"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "VirtualNetwork"
    source_port_range          = "*"
    destination_address_prefix = local.ase_subnet_prefix
    destination_port_ranges    = ["80", "443"]
  }
}

resource "azurerm_virtual_network" "vnet" {
  name                = "vnet-asev3"
  location            = var.location
  resource_group_name = var.resource_group_name
  address_space       = ["10.20.0.0/16"]
}

resource "azurerm_subnet" "ase" {
  name                 = "asev3-subnet"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.vnet.name
  address_prefixes     = [local.ase_subnet_prefix]

  delegation {
    name = "ase"
    service_delegation {
      name = "Microsoft.Web/hostingEnvironments"
    }
  }
}

resource "azurerm_subnet_network_security_group_association" "ase" {
  subnet_id                 = azurerm_subnet.ase.id
  network_security_group_id = azurerm_network_security_group.ase.id
}

resource "azurerm_subnet" "jumpbox" {
  name                 = "jumpbox-subnet"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.vnet.name
  address_prefixes     = ["10.20.1.0/24"]
}

resource "azurerm_network_interface" "jumpbox" {
  name                = "jumpbox-nic"
  location            = var.location
  resource_group_name = var.resource_group_name

  ip_configuration {
    name                          = "ipconfig1"
    subnet_id                     = azurerm_subnet.jumpbox.id
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_app_service_environment_v3" "ase" {
  name                         = "contoso-asev3"
  resource_group_name          = var.resource_group_name
  subnet_id                    = azurerm_subnet.ase.id
  internal_load_balancing_mode = "Web, Publishing"
}
