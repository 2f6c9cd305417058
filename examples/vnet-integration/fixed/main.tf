# FIXED (Terraform twin of azuredeploy.json): a /26 subnet delegated to Microsoft.Web/serverFarms in
# an IPv4-only VNet of the apps' region, no service endpoint policies, an Elastic Premium plan for
# the function app, a private endpoint in its own subnet, and an NSG that lets route-all and
# content-share traffic reach Microsoft Entra ID, CRL endpoints and Storage before it denies the internet.

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
  default = "rg-vnet-integration-example"
}

variable "app_location" {
  type    = string
  default = "westeurope"
}

variable "vnet_location" {
  type    = string
  default = "West Europe"
}

data "azurerm_resource_group" "rg" {
  name = var.resource_group_name
}

locals {
  # Like ARM's uniqueString(resourceGroup().id): not known before apply.
  suffix = substr(sha1(data.azurerm_resource_group.rg.id), 0, 13)
}

resource "azurerm_network_security_group" "integration" {
  name                = "integration-nsg"
  location            = var.vnet_location
  resource_group_name = var.resource_group_name

  security_rule {
    name                       = "allow-storage-out"
    priority                   = 100
    direction                  = "Outbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "VirtualNetwork"
    source_port_range          = "*"
    destination_address_prefix = "Storage"
    destination_port_ranges    = ["443", "445"]
  }

  security_rule {
    name                       = "allow-entra-id-and-crl-out"
    priority                   = 110
    direction                  = "Outbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "VirtualNetwork"
    source_port_range          = "*"
    destination_address_prefix = "Internet"
    destination_port_ranges    = ["80", "443"]
  }

  security_rule {
    name                       = "deny-internet-out"
    priority                   = 200
    direction                  = "Outbound"
    access                     = "Deny"
    protocol                   = "*"
    source_address_prefix      = "*"
    source_port_range          = "*"
    destination_address_prefix = "Internet"
    destination_port_range     = "*"
  }
}

resource "azurerm_virtual_network" "vnet" {
  name                = "vnet-${local.suffix}"
  location            = var.vnet_location
  resource_group_name = var.resource_group_name
  address_space       = ["10.20.0.0/16"]
}

resource "azurerm_subnet" "integration" {
  name                 = "integration"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.vnet.name
  address_prefixes     = ["10.20.1.0/26"]
  service_endpoints    = ["Microsoft.Storage"]

  delegation {
    name = "app-service"
    service_delegation {
      name = "Microsoft.Web/serverFarms"
    }
  }
}

resource "azurerm_subnet_network_security_group_association" "integration" {
  subnet_id                 = azurerm_subnet.integration.id
  network_security_group_id = azurerm_network_security_group.integration.id
}

resource "azurerm_subnet" "endpoints" {
  name                 = "endpoints"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.vnet.name
  address_prefixes     = ["10.20.2.0/24"]
}

resource "azurerm_storage_account" "st" {
  name                          = "st${local.suffix}"
  location                      = var.vnet_location
  resource_group_name           = var.resource_group_name
  account_tier                  = "Standard"
  account_replication_type      = "LRS"
  public_network_access_enabled = false
}

resource "azurerm_private_endpoint" "storage" {
  name                = "pe-storage"
  location            = var.vnet_location
  resource_group_name = var.resource_group_name
  subnet_id           = azurerm_subnet.endpoints.id

  private_service_connection {
    name                           = "blob"
    private_connection_resource_id = azurerm_storage_account.st.id
    subresource_names              = ["blob"]
    is_manual_connection           = false
  }
}

resource "azurerm_service_plan" "web" {
  name                = "plan-${local.suffix}"
  location            = var.app_location
  resource_group_name = var.resource_group_name
  os_type             = "Windows"
  sku_name            = "P1v3"
  worker_count        = 4
}

resource "azurerm_service_plan" "func" {
  name                         = "funcplan-${local.suffix}"
  location                     = var.app_location
  resource_group_name          = var.resource_group_name
  os_type                      = "Windows"
  sku_name                     = "EP1"
  worker_count                 = 1
  maximum_elastic_worker_count = 10
}

resource "azurerm_windows_web_app" "web" {
  name                      = "web-${local.suffix}"
  location                  = var.app_location
  resource_group_name       = var.resource_group_name
  service_plan_id           = azurerm_service_plan.web.id
  virtual_network_subnet_id = azurerm_subnet.integration.id
  https_only                = true

  site_config {
    vnet_route_all_enabled = true
  }
}

resource "azurerm_windows_function_app" "func" {
  name                       = "func-${local.suffix}"
  location                   = var.app_location
  resource_group_name        = var.resource_group_name
  service_plan_id            = azurerm_service_plan.func.id
  storage_account_name       = azurerm_storage_account.st.name
  storage_account_access_key = azurerm_storage_account.st.primary_access_key
  virtual_network_subnet_id  = azurerm_subnet.integration.id

  app_settings = {
    WEBSITE_CONTENTOVERVNET = "1"
  }

  site_config {}
}
